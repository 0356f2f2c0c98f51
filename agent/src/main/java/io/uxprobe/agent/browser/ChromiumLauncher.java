package io.uxprobe.agent.browser;

import io.uxprobe.browser.Chromium;
import io.uxprobe.browser.ChromiumSettings;
import io.uxprobe.probes.browser.Cookie;
import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.journey.BrowserStep;
import io.uxprobe.probes.template.Redactor;
import io.uxprobe.probes.template.Variables;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The only class of the agent that names the browser module: loading it is what loads Chromium's driver. */
final class ChromiumLauncher {

    private ChromiumLauncher() {}

    static AgentBrowser.RunningBrowser launch(Map<String, String> env, int maxPages) {
        Chromium chromium = new Chromium(ChromiumSettings.of(env, maxPages));
        return new AgentBrowser.RunningBrowser() {
            @Override
            public void start() throws IOException {
                chromium.start();
            }

            @Override
            public String describe() {
                return chromium.describe();
            }

            @Override
            public List<ProcessHandle> processes() {
                return chromium.processes();
            }

            @Override
            public Visit visit(BrowserStep step, Variables vars, List<Cookie> cookies, long deadline, ErrorDetector detector, Redactor masks) {
                return chromium.visit(step, vars, cookies, deadline, detector, masks);
            }

            @Override
            public void close() {
                chromium.close();
            }
        };
    }
}
