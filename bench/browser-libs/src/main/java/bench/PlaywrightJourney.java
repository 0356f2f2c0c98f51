package bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The three-action journey (fill, click, wait for text) with Playwright for Java, Chromium from /usr/bin. */
public final class PlaywrightJourney {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        try (bench.Page page = new bench.Page();
                Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync")).setChromiumSandbox(false).setHeadless(true))) {
            Measure.report("playwright " + browser.version(), runs, () -> {
                try (BrowserContext context = browser.newContext()) {
                    Page p = context.newPage();
                    p.navigate(page.url());
                    p.locator("#q").fill("jazz");
                    p.locator("#go").click();
                    p.getByText("So What").waitFor();
                }
            });
        }
    }
}
