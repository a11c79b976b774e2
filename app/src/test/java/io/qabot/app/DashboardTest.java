package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qabot.app.CallbackReceiver.Callback;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium): sign in, see the queue with
 * ages and asker counts, answer from the page, find the learned answer and ask the search box;
 * read the answer rate and the coverage gaps in the stats panel.
 * Saves screenshots of the queue for a laptop and a phone in {@code app/target/}.
 */
class DashboardTest {
    static final String SCRIPT_QUESTION = "<script>window.pwned = 1</script> 为什么 sofa-rpc 启动时报这个错？";

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    CallbackReceiver chat;
    BotFixture bot;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        chat = new CallbackReceiver(CallbackReceiver.Mode.ACCEPT);
        bot = BotFixture.start(BotFixture.environment(dataDir, Optional.empty(), chat.url()));
        browser = HeadlessChromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
        if (chat != null) {
            chat.close();
        }
    }

    @Test
    void aMaintainerSeesTheQueueAnswersFromThePageAndTheBotLearns() throws Exception {
        long jraft = bot.client.say("group-42", "t-1", "u1", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
        bot.client.say("group-42", "t-2", "u2", "jraft 能不能跨机房部署？");
        bot.client.say("group-42", null, "u3", SCRIPT_QUESTION);
        bot.client.say("dev-chat", null, "u4", "seata 的 AT 模式支持 Oracle 吗？");

        signIn();
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue-list li[data-id='" + jraft + "']")));
        assertEquals("2 askers", item.findElement(By.className("askers")).getText());
        assertTrue(item.findElement(By.className("age")).getText().endsWith("ago"));
        assertEquals(3, browser.findElements(By.cssSelector("#queue-list > li")).size());

        WebElement scripted = browser.findElements(By.cssSelector("#queue-list .question")).stream()
                .filter(q -> q.getText().startsWith("<script>")).findFirst().orElseThrow();
        assertEquals(SCRIPT_QUESTION, scripted.getText(), "question text is shown as text, tags and all");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(0L, js.executeScript("return document.querySelectorAll('#queue-list script').length"));
        assertEquals(null, js.executeScript("return window.pwned === undefined ? null : window.pwned"));
        screenshot("dashboard-queue.png");

        item.findElement(By.className("answer-button")).click();
        WebElement form = item.findElement(By.className("answer-form"));
        form.findElement(By.name("answer")).sendKeys("跨机房不需要特殊支持，只是网络延时大一点。");
        form.findElement(By.name("links")).sendKeys("https://github.com/sofastack/sofa-jraft");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-list > li"), 2));
        List<Callback> delivered = Eventually.await(Duration.ofSeconds(15), "both askers get the answer",
                () -> chat.acceptedIn("group-42"), list -> list.size() == 2);
        assertTrue(delivered.stream().allMatch(c -> c.text().contains("网络延时")));

        browser.findElement(By.cssSelector("nav button[data-tab=learned]")).click();
        WebElement learned = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#learned-list > li")));
        assertTrue(learned.getText().contains("Name ada"), "the maintainer's name from the sign-in: " + learned.getText());

        browser.findElement(By.cssSelector("nav button[data-tab=search]")).click();
        browser.findElement(By.id("search-text")).sendKeys("SOFAJRaft 支持跨机房部署吗？");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        WebElement verdict = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-result .verdict")));
        assertTrue(verdict.getText().contains("the bot answers"), verdict.getText());
        assertTrue(verdict.getText().contains("maintainer-answers"), verdict.getText());

        browser.findElement(By.cssSelector("nav button[data-tab=queue]")).click();
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-list > li"), 2));
        screenshot("dashboard-phone.png");
    }

    /**
     * A question many asked: the list carries its first askers and how many asked, the card says
     * so, and the answer sent from the page reaches every asker, those the list left out too.
     */
    @Test
    void aQuestionWithMoreAskersThanTheListCarriesIsAnsweredToEveryAsker() throws Exception {
        int askers = io.qabot.core.desk.MaintainerDesk.ASKERS_LISTED + 3;
        long id = bot.client.say("chat-0", null, "u0", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
        for (int a = 1; a < askers; a++) {
            assertEquals(id, bot.client.say("chat-" + a, null, "u" + a, "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong());
        }
        // the contract's list has every asker; the dashboard asks for the first five
        com.fasterxml.jackson.databind.JsonNode whole = WebhookClient.json(
                bot.client.admin("GET", "/api/v1/escalations?status=all", null)).path("items").get(0);
        assertEquals(askers, whole.path("asker_count").asInt());
        assertEquals(askers, whole.path("askers").size(), "without askers=N the list has every asker");
        com.fasterxml.jackson.databind.JsonNode listed = WebhookClient.json(bot.client.admin("GET",
                "/api/v1/escalations?status=all&askers=" + io.qabot.core.desk.MaintainerDesk.ASKERS_LISTED, null))
                .path("items").get(0);
        assertEquals(askers, listed.path("asker_count").asInt());
        assertEquals(io.qabot.core.desk.MaintainerDesk.ASKERS_LISTED, listed.path("askers").size());
        assertEquals(whole.path("askers").get(0), listed.path("askers").get(0), "the first askers, in the order they asked");
        var refused = bot.client.admin("GET", "/api/v1/escalations?status=all&askers=-1", null);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("askers must be a whole number"), refused.body());
        assertEquals(askers, WebhookClient.json(bot.client.admin("GET", "/api/v1/escalations/" + id, null))
                .path("askers").size(), "the escalation itself has every asker");

        signIn();
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue-list li[data-id='" + id + "']")));
        assertEquals(askers + " askers", item.findElement(By.className("askers")).getText());
        String where = item.findElement(By.className("where")).getText();
        assertTrue(where.startsWith("Name u0 in webhook chat-0 · ") && where.endsWith(" · and 3 more"), where);

        item.findElement(By.className("answer-button")).click();
        WebElement form = item.findElement(By.className("answer-form"));
        form.findElement(By.name("answer")).sendKeys("跨机房不需要特殊支持，只是网络延时大一点。");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        List<Callback> delivered = Eventually.await(Duration.ofSeconds(30), "every asker gets the answer",
                () -> chat.accepted().stream().filter(c -> c.text().contains("网络延时")).toList(),
                list -> list.size() == askers);
        assertEquals(java.util.stream.IntStream.range(0, askers).mapToObj(a -> "chat-" + a).sorted().toList(),
                delivered.stream().map(Callback::chat).sorted().toList());
    }

    @Test
    void aMaintainerSeesTheAnswerRateAndTheGapsWithQuestionsShownAsText() throws Exception {
        bot.client.say("group-42", null, "u1", "How do I run qabot?");
        bot.client.say("group-42", null, "u2", SCRIPT_QUESTION);
        bot.client.say("group-42", null, "u3", SCRIPT_QUESTION);
        Eventually.await(Duration.ofSeconds(15), "the three questions are recorded",
                () -> WebhookClient.json(bot.client.admin("GET", "/api/v1/stats", null)).path("questions").asInt(),
                questions -> questions == 3);

        signIn();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav button[data-tab=stats]"))).click();
        WebElement gap = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stats-gaps > li")));

        assertEquals(SCRIPT_QUESTION, gap.findElement(By.className("question")).getText(), "the gap is shown as text, tags and all");
        assertEquals("2 times · not answered", gap.findElement(By.className("meta")).getText());
        assertEquals("33.3 %", browser.findElement(By.id("stats-rate")).getText());
        assertEquals("3", browser.findElement(By.id("stats-questions")).getText());
        assertEquals("2", browser.findElement(By.id("stats-escalated")).getText());
        assertEquals(2, browser.findElements(By.cssSelector("#stats-top > li")).size());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(0L, js.executeScript("return document.querySelectorAll('#stats script').length"));
        assertEquals(null, js.executeScript("return window.pwned === undefined ? null : window.pwned"));
        screenshot("dashboard-stats.png");
    }

    @Test
    void hiddenThingsStayHiddenAndAHugeQuestionStaysACard() throws Exception {
        long answered = bot.client.say("group-42", "t-1", "u1", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
        long dismissed = bot.client.say("group-42", "t-2", "u2", "seata 的 AT 模式支持 Oracle 吗？").path("escalation").asLong();
        String huge = "为什么启动时报这个错？\n" + "at io.example.Service.start(Service.java:42) caused by something\n".repeat(400);
        long open = bot.client.say("group-42", "t-3", "u3", huge).path("escalation").asLong();
        WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + answered + "/answer",
                WebhookClient.answerBody("跨机房不需要特殊支持。", "alice")));
        WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + dismissed + "/dismiss", "{}"));

        browser.get("http://127.0.0.1:" + bot.port() + "/");
        assertTrue(browser.findElement(By.id("sign-in")).isDisplayed());
        assertTrue(!browser.findElement(By.id("tabs")).isDisplayed(), "no tabs before signing in");
        assertTrue(!browser.findElement(By.id("sign-out")).isDisplayed(), "no sign-out before signing in");
        screenshot("dashboard-sign-in.png");

        signIn();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue-list li[data-id='" + open + "']")));
        assertTrue(card.getSize().getHeight() < 500, "a long question scrolls inside its card: " + card.getSize());
        long page = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        assertTrue(page < 1500, "the queue page stays short: " + page + " px");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("queue-status"))).selectByValue("all");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-list > li"), 3));
        for (long closed : List.of(answered, dismissed)) {
            WebElement item = browser.findElement(By.cssSelector("#queue-list li[data-id='" + closed + "']"));
            assertTrue(!item.findElement(By.className("answer-button")).isDisplayed(), "no Answer on #" + closed);
            assertTrue(!item.findElement(By.className("dismiss-button")).isDisplayed(), "no Dismiss on #" + closed);
        }
        WebElement stillOpen = browser.findElement(By.cssSelector("#queue-list li[data-id='" + open + "']"));
        assertTrue(stillOpen.findElement(By.className("answer-button")).isDisplayed(), "an open one can be answered");
        screenshot("dashboard-all-statuses.png");
    }

    @Test
    void theStatsPanelChartsEachDayAndTellsTheOldestOpenEscalation() throws Exception {
        bot.client.say("group-42", null, "u1", "How do I run qabot?");
        bot.client.say("group-42", null, "u2", "seata 的 AT 模式支持 Oracle 吗？");
        bot.client.say("group-42", null, "u3", "谢谢");
        Eventually.await(Duration.ofSeconds(15), "the three messages are recorded",
                () -> WebhookClient.json(bot.client.admin("GET", "/api/v1/stats", null)).path("days"),
                days -> days.size() == 1 && days.get(0).path("ignored").asInt() == 1);

        signIn();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav button[data-tab=stats]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-days rect")));

        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(List.of("answered", "escalated", "ignored"), js.executeScript(
                "return [...document.querySelectorAll('#chart-days rect')].map(r => r.dataset.kind)"));
        String title = (String) js.executeScript("return document.querySelector('#chart-days rect title').textContent");
        assertTrue(title.endsWith(": 1 answered, 1 escalated, 1 ignored"), title);
        assertEquals("0.500", js.executeScript("return document.querySelector('#chart-rate circle').dataset.rate"));
        assertTrue(browser.findElement(By.id("stats-oldest-open")).getText().matches("\\d+ (s|min)"),
                browser.findElement(By.id("stats-oldest-open")).getText());
        assertTrue(browser.findElement(By.id("chart-days")).getSize().getHeight() > 100, "the chart is drawn at its size");
        screenshot("dashboard-stats-charts.png");
    }

    @Test
    void theDigestTabPreviewsTheWeeklyMarkdownAndCopiesIt() throws Exception {
        long answered = bot.client.say("group-42", "t-1", "u1", "SOFAJRaft 支持跨机房部署吗？").path("escalation").asLong();
        bot.client.say("group-42", "t-2", "u2", "seata 的 AT 模式支持 Oracle 吗？");
        WebhookClient.json(bot.client.admin("POST", "/api/v1/escalations/" + answered + "/answer",
                WebhookClient.answerBody("跨机房不需要特殊支持，只是网络延时大一点。", "alice", "https://github.com/sofastack/sofa-jraft")));
        Eventually.await(Duration.ofSeconds(15), "the questions are recorded",
                () -> WebhookClient.json(bot.client.admin("GET", "/api/v1/stats", null)).path("questions").asInt(),
                n -> n == 2);

        signIn();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav button[data-tab=digest]"))).click();
        WebElement markdown = browser.findElement(By.id("digest-markdown"));
        wait.until(d -> markdown.getAttribute("value").contains("A：跨机房不需要特殊支持"));
        String text = markdown.getAttribute("value");
        assertTrue(text.startsWith(WeeklyDigestWriter.HEADING), text);
        assertTrue(text.contains("> SOFAJRaft 支持跨机房部署吗？"), text);
        assertTrue(text.contains("「sofa-jraft」：[https://github.com/sofastack/sofa-jraft]"), text);
        assertTrue(!text.contains("Oracle"), "only answered questions unless asked for: " + text);
        assertTrue(browser.findElement(By.id("digest-counts")).getText().startsWith("1 answered question from "));

        browser.findElement(By.id("digest-unanswered")).click();
        browser.findElement(By.id("digest-preview")).click();
        wait.until(d -> markdown.getAttribute("value").contains(WeeklyDigestWriter.UNANSWERED_HEADING));
        assertTrue(markdown.getAttribute("value").contains("- seata 的 AT 模式支持 Oracle 吗？（1 次 / asked 1 time）"),
                markdown.getAttribute("value"));

        browser.findElement(By.id("digest-copy")).click();
        wait.until(d -> !browser.findElement(By.id("digest-copied")).getText().isEmpty());
        screenshot("dashboard-digest.png");
    }

    @Test
    void aWrongTokenKeepsTheMaintainerAtTheSignIn() {
        browser.get("http://127.0.0.1:" + bot.port() + "/");
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.id("sign-in-button")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertTrue(error.getText().contains("not accepted") || error.getText().contains("wrong"), error.getText());
        assertTrue(browser.findElement(By.id("tabs")).getAttribute("hidden") != null);
    }

    private void signIn() {
        HeadlessChromium.signIn(browser, bot.port());
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
