package io.qabot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's review of the knowledge, in a real browser (Debian's headless Chromium), on the
 * SOFA Weekly corpus (posts from 2019 on, all older than the 18 months of policy.answerAgeNotice):
 * Try it says why the bot decided, and the old posts the bot answers from most often are listed
 * for review.
 */
class ReviewDashboardTest {
    static final String CROSS_DC = "SOFAJRaft 跨机房支持吗？";
    static final String SPRING_CLOUD = "spring cloud 的项目想迁到 SOFA 上，有没有教程文档？";

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
        Map<String, String> env = new HashMap<>(BotFixture.environment(dataDir, Optional.empty(), chat.url()));
        env.put("QABOT_KNOWLEDGE", FeedbackLoopTest.SHARED.resolve("corpus/sofa-weekly").toString());
        bot = BotFixture.start(env);
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
    void tryItShowsWhyTheBotDecidedAndThatTheMaintainersDecidedOnceTheyRuledTheItemOut() {
        HeadlessChromium.signIn(browser, bot.port());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs")));
        browser.findElement(By.cssSelector("nav button[data-tab=search]")).click();

        WebElement why = tryIt(CROSS_DC);
        WebElement verdict = browser.findElement(By.cssSelector("#search-result .verdict"));
        assertTrue(verdict.getText().contains("the bot answers"), verdict.getText());
        String decided = why.findElement(By.className("decided-by")).getText();
        assertTrue(decided.matches("Decided by threshold: confidence 0\\.\\d{3} >= 0\\.\\d{3}"), decided);
        assertTrue(why.getText().contains("Model confidence"), why.getText());
        List<WebElement> features = why.findElements(By.cssSelector("table.features tbody tr"));
        assertTrue(features.size() >= 3, "each feature of the best candidate with what it adds: " + why.getText());
        assertTrue(features.get(0).findElements(By.tagName("td")).get(2).getText().matches("[+-]\\d+\\.\\d{3}"),
                features.get(0).getText());
        assertTrue(why.findElement(By.className("runner-up")).getText().startsWith("Runner-up from another thread: sofa-weekly-"),
                why.getText());

        verdict.findElement(By.className("verdict-wrong")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#search-result .error"), "Done."));
        why = tryIt(CROSS_DC);

        assertTrue(why.findElement(By.className("decided-by")).getText().startsWith("Decided by maintainers: sofa-weekly-"),
                why.getText());
        assertTrue(browser.findElement(By.cssSelector("#search-result .verdict")).getText()
                .contains("it goes to the maintainers"));
    }

    @Test
    void theOldPostsAnsweredFromMostOftenAreListedForReviewAndRetiringOneTakesItOutOfUse() throws Exception {
        for (String user : List.of("u1", "u2")) {
            assertEquals("replied", bot.client.say("group-42", "t-" + user, user, CROSS_DC).path("outcome").asText());
        }
        assertEquals("replied", bot.client.say("group-42", "t-u3", "u3", SPRING_CLOUD).path("outcome").asText());

        HeadlessChromium.signIn(browser, bot.port());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs")));
        browser.findElement(By.cssSelector("nav button[data-tab=search]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#aged-list > li"), 2));

        List<WebElement> aged = browser.findElements(By.cssSelector("#aged-list > li"));
        String first = aged.get(0).getText();
        assertTrue(first.contains("2 answers") && first.contains("SOFA Weekly") && first.contains("2019"), first);
        assertTrue(aged.get(1).getText().contains("1 answer"), aged.get(1).getText());
        assertTrue(browser.findElement(By.id("aged-before")).getText().startsWith("Posts from before "));
        String item = aged.get(0).getAttribute("data-item");

        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true");
        aged.get(0).findElement(By.className("retire-button")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#aged-list > li"), 1));
        WebElement retired = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#retired-list li")));
        assertTrue(retired.getText().contains(item) && retired.getText().contains("outdated (reviewed)"), retired.getText());
        assertEquals("escalated", bot.client.say("group-42", "t-u4", "u4", CROSS_DC).path("outcome").asText(),
                "a retired item is never answered from");
    }

    /** Asks Try it and returns the explanation block once the answer for {@code question} is shown. */
    private WebElement tryIt(String question) {
        WebElement text = browser.findElement(By.id("search-text"));
        text.clear();
        text.sendKeys(question);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('search-result').replaceChildren()");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-result .verdict .why")));
    }
}
