package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.CreateContextParameters;
import org.openqa.selenium.bidi.browsingcontext.ReadinessState;
import org.openqa.selenium.bidi.module.Browser;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.bidi.script.EvaluateResult;
import org.openqa.selenium.bidi.script.EvaluateResultSuccess;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The same journey with Selenium 4 over WebDriver BiDi and Debian's chromedriver: a user context per journey
 * (BiDi's fresh profile), the page driven by BiDi commands only, so journeys could share the browser from many threads.
 */
public final class SeleniumJourney {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path profile = Files.createTempDirectory("bench-profile");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").enableBiDi()
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try (bench.Page page = new bench.Page(); Script script = new Script(driver)) {
            Browser browser = new Browser(driver);
            Measure.report("selenium " + driver.getCapabilities().getBrowserVersion(), runs, () -> {
                String user = browser.createUserContext();
                try {
                    BrowsingContext tab = new BrowsingContext(driver, new CreateContextParameters(WindowType.TAB).userContext(user));
                    tab.navigate(page.url(), ReadinessState.COMPLETE);
                    call(script, tab, "() => { const q = document.querySelector('#q'); q.focus(); q.value = 'jazz'; q.dispatchEvent(new Event('input', {bubbles: true})); }");
                    call(script, tab, "() => document.querySelector('#go').click()");
                    call(script, tab, """
                            () => new Promise((ok, no) => {
                              const found = () => document.body.innerText.includes('So What');
                              if (found()) return ok(true);
                              const o = new MutationObserver(() => { if (found()) { o.disconnect(); ok(true); } });
                              o.observe(document, {subtree: true, childList: true, characterData: true});
                              setTimeout(() => { o.disconnect(); no(new Error('timeout')); }, 5000);
                            })""");
                } finally {
                    browser.removeUserContext(user);
                }
            });
        } finally {
            driver.quit();
        }
    }

    private static void call(Script script, BrowsingContext tab, String fn) {
        EvaluateResult r = script.callFunctionInBrowsingContext(tab.getId(), fn, true, Optional.of(List.of()), Optional.empty(), Optional.empty());
        if (!(r instanceof EvaluateResultSuccess)) throw new IllegalStateException("script failed: " + r);
    }
}
