package io.qabot.knowledge;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What chat adds around a question and what chat is without one. Greetings, forms of
 * address and politeness ("请问", "大佬们", "hi all") are removed before matching, since they
 * say nothing about the topic; a message that is nothing but such phrases, thanks,
 * laughter, "+1" or emoji is chatter the bot ignores.
 */
final class ChatNoise {
    /** Phrases that address the group or soften the question; they never carry the topic. */
    private static final Phrases ADDRESS_AND_POLITENESS = new Phrases(List.of(
            "请问一下", "请问下", "请问", "请教一下", "请教下", "请教", "问一下", "问下", "咨询一下", "咨询下", "咨询个问题", "咨询",
            "麻烦问下", "麻烦问一下", "麻烦各位", "麻烦", "打扰一下", "打扰了", "打扰", "求助", "求教", "求大神", "求大佬",
            "各位大佬们?", "群里的?大佬们?", "群主", "管理员", "@所有人", "@all", "大佬们?", "大神们?", "各位老师", "老师们?", "各位", "同学们?", "兄弟们?", "朋友们?",
            "有没有人知道", "有人知道", "有谁知道", "谁知道", "有大佬知道",
            "你们好", "大家好", "你好", "您好", "谢谢大家", "谢谢", "感谢", "多谢", "thanks?(?: a lot| all)?", "thank you",
            "\\bhi\\b", "\\bhello\\b", "\\bhey\\b", "\\ball\\b", "\\bguys\\b", "\\bfolks\\b", "\\bplease\\b",
            "\\bpls\\b"));

    /** Everything a chatter message can consist of, besides address and politeness. */
    private static final Phrases CHATTER = new Phrases(List.of(
            "在吗", "在不在", "有人吗", "有人在吗", "没事了", "没事", "好的", "好滴", "好嘞", "好吧", "好", "收到", "了解", "明白",
            "懂了", "ok", "okay", "哈+", "呵+", "嘿+", "嘻+", "666+", "牛逼", "牛啤", "牛", "厉害", "强", "赞", "辛苦了?", "早上好",
            "晚上好", "下午好", "早", "晚安", "\\+1", "lol", "haha", "nice", "cool", "great", "awesome", "got it", "yes", "no",
            "yeah", "yep", "bye", "good", "morning", "了", "啊", "呀", "哦", "噢", "嗯", "哇", "吧", "呢", "的", "一下", "下"));

    private static final int MAX_CHATTER_LENGTH = 48;

    private static final Pattern SYMBOLS = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s\\p{C}]+");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");

    private ChatNoise() {
    }

    /** NFKC-folds full-width characters, traditional Chinese to simplified, and removes control characters. */
    static String normalize(String text) {
        String folded = SimplifiedChinese.fold(Normalizer.normalize(text, Normalizer.Form.NFKC));
        return CONTROL.matcher(folded).replaceAll(" ");
    }

    /** The question without greetings and politeness. */
    static String stripAddress(String text) {
        return ADDRESS_AND_POLITENESS.replaceAll(text, " ");
    }

    /**
     * True when nothing of substance is left once address, chatter and symbols are gone.
     * Chatter is short: a longer message is never all pleasantries, and skipping the
     * patterns for it keeps long questions cheap.
     */
    static boolean isChatter(String normalizedText) {
        if (normalizedText.codePointCount(0, normalizedText.length()) > MAX_CHATTER_LENGTH) {
            return false;
        }
        String rest = ADDRESS_AND_POLITENESS.replaceAll(normalizedText.toLowerCase(Locale.ROOT), " ");
        rest = CHATTER.replaceAll(rest, " ");
        rest = SYMBOLS.matcher(rest).replaceAll("");
        return rest.codePointCount(0, rest.length()) <= 1;
    }

    /** Words that make a message a question or a problem report. */
    private static final Cues QUESTION_CUES = new Cues(List.of(
            "?", "吗", "呢", "怎", "咋", "如何", "什么", "啥", "为何", "哪", "是否", "能否", "可否", "有没有", "是不是",
            "能不能", "会不会", "可不可以", "要不要", "多少", "几点", "几号", "第几", "求", "报错", "报了错", "报个错",
            "报了个错", "异常", "失败", "不行", "不生效", "不支持", "起不来", "不了", "error", "exception", "fail",
            "could not", "couldnot", "can not", "cannot", "can't", "unable", "doesn't work", "doesnt work", "not work",
            " how ", " what ", " why ", " when ", " where ", " which ", " can ", " does ", " is ", " do ", " should ",
            " any "));
    /** "这么配" and "那么多" are not questions, "怎么" and "什么" are (and found above). */
    private static final Pattern ASKING_ME = Pattern.compile("(?<![这那])么");
    /** "问题" reports a problem unless nothing went wrong ("没出过问题"). */
    private static final Pattern PROBLEM = Pattern.compile("(?<!没|没出过|没有|没啥)问题");
    /** "要几个" at the end asks how many; "修了几个 bug" does not. */
    private static final Pattern HOW_MANY_AT_END = Pattern.compile("几[个种次台天]?\\s*$");

    /**
     * Thanks, agreement, "me too", "solved it": a remark on a thread, not a question, even
     * when it repeats the thread's words ("感谢大佬，按你说的把 testOnBorrow 配上就好了").
     */
    private static final Pattern ACKNOWLEDGEMENT_START = Pattern.compile(
            "(?i)^\\W*(好的|好嘞|好滴|好吧|明白|懂了|收到|谢|感谢|多谢|thx|thanks|thank|get\\s*到|学到|学习了?|原来|对[,，的\\s]|"
                    + "是的|嗯|同意|赞同|lgtm|\\+1|同问|mark|蹲|顶|坐等|same|me too|我也|good to know|楼上|可以的|ok\\b|okay|"
                    + "了解|涨知识|解决了|搞定)");
    private static final Pattern RESOLVED = Pattern.compile(
            "(?i)(已经?解决|解决了|搞定了?|好了|可以了|works now|working now|fixed it|resolved|solved)");
    private static final Pattern STILL = Pattern.compile("(?i)(还是|仍然|依然|又|但是|但|however|but|still|again|[?？])");

    /** True for a remark on a thread (thanks, agreement, "solved it") rather than a question. */
    static boolean isAcknowledgement(String normalizedText) {
        String text = normalizedText.strip();
        if (text.codePointCount(0, text.length()) > 80 || STILL.matcher(text).find()) {
            return false;
        }
        // "问题已经解决了": the problem is the one already asked about
        return !asks(text, false)
                && (ACKNOWLEDGEMENT_START.matcher(text).find() || RESOLVED.matcher(text).find());
    }

    /** True when the text reads as a question or a problem report rather than a remark. */
    static boolean looksLikeQuestion(String normalizedText) {
        return asks(normalizedText, true);
    }

    private static boolean asks(String text, boolean problemWordCounts) {
        return QUESTION_CUES.foundIn(Cues.lower(text))
                || text.indexOf('么') >= 0 && ASKING_ME.matcher(text).find()
                || problemWordCounts && text.contains("问题") && PROBLEM.matcher(text).find()
                || text.indexOf('几') >= 0 && HOW_MANY_AT_END.matcher(text).find();
    }
}
