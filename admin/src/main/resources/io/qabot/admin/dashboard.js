// The maintainers' dashboard. Plain DOM: every text from the server goes in through
// textContent, never innerHTML, so a question like "<script>" shows as text. The admin token
// lives in sessionStorage and travels only in the Authorization header; no cookies, so other
// sites cannot make this browser send a state-changing request.
"use strict";

const $ = (selector, root = document) => root.querySelector(selector);
const state = { tab: "queue" };

function token() { return sessionStorage.getItem("qabot.token"); }
function me() { return sessionStorage.getItem("qabot.me") || ""; }

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: Object.assign({ "Authorization": "Bearer " + token() },
      body === undefined ? {} : { "Content-Type": "application/json" }),
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit",
    cache: "no-store",
  });
  let json = null;
  try { json = await response.json(); } catch (e) { /* not JSON */ }
  if (response.status === 401) {
    signOut("The token was not accepted.");
  }
  if (!response.ok) {
    throw new Error((json && json.error) || ("HTTP " + response.status));
  }
  return json;
}

// An element with a class and its text (always as text, never markup).
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function age(iso) {
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 90) return Math.round(seconds) + " s ago";
  if (seconds < 5400) return Math.round(seconds / 60) + " min ago";
  if (seconds < 172800) return Math.round(seconds / 3600) + " h ago";
  return Math.round(seconds / 86400) + " days ago";
}

function links(text) {
  return text.split(/\s+/).map(s => s.trim()).filter(s => /^https?:\/\/\S+$/.test(s));
}

function showAnswer(box, answer, linkList) {
  box.textContent = answer;
  for (const url of linkList || []) {
    const a = document.createElement("a");
    a.href = url; a.textContent = url; a.rel = "noopener noreferrer"; a.target = "_blank";
    box.appendChild(a);
  }
  box.hidden = false;
}

async function act(node, work) {
  const buttons = node.querySelectorAll("button");
  buttons.forEach(b => b.disabled = true);
  $(".error", node).textContent = "";
  try {
    await work();
    await render();
  } catch (e) {
    $(".error", node).textContent = e.message;
  } finally {
    buttons.forEach(b => b.disabled = false);
  }
}

function escalationNode(e) {
  const node = $("#escalation-template").content.firstElementChild.cloneNode(true);
  node.dataset.id = e.id;
  $(".id", node).textContent = "#" + e.id;
  const status = $(".status", node);
  status.textContent = e.status + (e.claimed_by ? " by " + e.claimed_by : "");
  status.classList.add(e.status);
  // a list carries the first askers and asker_count, how many asked in all
  const asked = e.asker_count ?? e.askers.length;
  const askers = $(".askers", node);
  askers.textContent = asked + (asked === 1 ? " asker" : " askers");
  if (asked > 1) askers.classList.add("many");
  $(".age", node).textContent = age(e.created);
  $(".age", node).title = e.created;
  $(".question", node).textContent = e.question;
  $(".where", node).textContent = e.askers.map(a => a.user.name + " in " + a.platform + " " + a.chat
    + (a.thread ? " (thread)" : "")).join(" · ") + (asked > e.askers.length ? " · and " + (asked - e.askers.length) + " more" : "");
  const open = e.status === "open" || e.status === "claimed";
  if (e.answer) showAnswer($(".answer-shown", node), e.answer.answer + (e.answer.maintainer ? "\n— " + e.answer.maintainer : ""), e.answer.links);
  $(".actions:not(.flagged-actions)", node).hidden = !open; // the flagged answer has its own actions, before these
  $(".claim-button", node).hidden = e.status !== "open";
  const form = $(".answer-form", node);
  $(".answer-button", node).addEventListener("click", () => { form.hidden = false; form.answer.focus(); });
  $(".cancel", form).addEventListener("click", () => { form.hidden = true; });
  form.addEventListener("submit", ev => {
    ev.preventDefault();
    act(node, () => api("POST", "/api/v1/escalations/" + e.id + "/answer",
      { answer: form.answer.value, links: links(form.links.value), maintainer: me() }));
  });
  $(".claim-button", node).addEventListener("click", () =>
    act(node, () => api("POST", "/api/v1/escalations/" + e.id + "/claim", { maintainer: me() })));
  $(".dismiss-button", node).addEventListener("click", () => {
    if (confirm("Dismiss #" + e.id + " without an answer?")) {
      act(node, () => api("POST", "/api/v1/escalations/" + e.id + "/dismiss", { maintainer: me() }));
    }
  });
  if (e.flagged_answer) flaggedSection(node, e);
  return node;
}

// --- flagged answers and verdicts (issue 17) ---

const VERDICT_WORDS = { pending: "not decided yet", right: "ruled right", wrong: "ruled wrong for this question", retired: "item retired" };

// Marks an escalation that came from a member's flag, shows the bot's answer with its source and
// confidence, and offers the three verdicts while none is given.
function flaggedSection(node, e) {
  const f = e.flagged_answer;
  node.classList.add("flagged");
  const box = $(".flagged-answer", node);
  box.hidden = false;
  $(".flagged-head", box).textContent = "Flagged answer (" + f.flags + (f.flags === 1 ? " flag" : " flags") + ", "
    + VERDICT_WORDS[f.verdict] + ") · confidence " + f.confidence.toFixed(2) + " · " + f.source.file
    + (f.source.date ? " " + f.source.date : "") + " · " + f.item;
  showAnswer($(".flagged-text", box), f.answer, f.source.url ? [f.source.url] : []);
  $(".flagged-actions", box).hidden = f.verdict !== "pending";
  const decide = verdict => act(node, () => api("POST", "/api/v1/escalations/" + e.id + "/verdict", { verdict, maintainer: me() }));
  $(".verdict-right", box).addEventListener("click", () => decide("right"));
  $(".verdict-wrong", box).addEventListener("click", () => decide("wrong"));
  $(".verdict-retire", box).addEventListener("click", () => {
    if (confirm("Retire " + f.item + "? The bot never answers from it again (you can put it back).")) decide("retire");
  });
}

// The same two corrections for any answer found with "Try it".
function tryItVerdicts(box, c, question) {
  const actions = document.createElement("div");
  actions.className = "actions";
  const note = document.createElement("p");
  note.className = "error";
  const wrong = document.createElement("button");
  wrong.type = "button"; wrong.className = "quiet verdict-wrong"; wrong.textContent = "Wrong for this question";
  const retire = document.createElement("button");
  retire.type = "button"; retire.className = "quiet danger verdict-retire"; retire.textContent = "Retire this item";
  const run = async work => {
    try { await work(); note.textContent = "Done."; } catch (e) { note.textContent = e.message; }
  };
  wrong.addEventListener("click", () => run(() => api("POST", "/api/v1/knowledge/avoid", { item: c.item, question, maintainer: me() })));
  retire.addEventListener("click", () => {
    if (confirm("Retire " + c.item + "?")) run(() => api("POST", "/api/v1/knowledge/retire", { item: c.item, maintainer: me() }));
  });
  actions.append(wrong, retire);
  box.append(actions, note);
}

// Old posts the bot keeps answering from, most used first: a maintainer checks whether each
// answer still holds, and retires it if not (it then moves to the retired list below).
async function renderAged() {
  const data = await api("GET", "/api/v1/knowledge/aged?top=20");
  $("#aged-before").textContent = "Posts from before " + data.before + ", most answered from first.";
  fill($("#aged-list"), $("#aged-empty"), data.items.map(a => {
    const li = el("li", "card item aged-item");
    li.dataset.item = a.item;
    const post = el("p", "question", (a.title || a.file) + ", " + a.date);
    if (a.url && /^https?:\/\//.test(a.url)) {
      const link = el("a", "", a.url);
      link.href = a.url; link.rel = "noopener noreferrer"; link.target = "_blank";
      post.append(" ", link);
    }
    const retire = el("button", "quiet danger retire-button", "Retire this item");
    retire.type = "button";
    li.append(el("div", "meta", a.item + " · " + a.answers + (a.answers === 1 ? " answer" : " answers")
      + " · last " + age(a.last_answered)), post, retire, el("p", "error"));
    retire.addEventListener("click", () => {
      if (confirm("Retire " + a.item + "? The bot never answers from it again (you can put it back).")) {
        act(li, () => api("POST", "/api/v1/knowledge/retire", { item: a.item, maintainer: me(), reason: "outdated (reviewed)" }));
      }
    });
    return li;
  }));
}

async function renderRetired() {
  const data = await api("GET", "/api/v1/knowledge/retired");
  fill($("#retired-list"), $("#retired-empty"), data.items.map(r => {
    const li = document.createElement("li");
    li.className = "card item retired-item";
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = r.item + " · retired by " + (r.maintainer || "someone") + ", " + age(r.retired);
    const reason = document.createElement("p");
    reason.className = "question";
    reason.textContent = r.reason;
    const back = document.createElement("button");
    back.type = "button"; back.className = "quiet unretire-button"; back.textContent = "Put back";
    const error = document.createElement("p");
    error.className = "error";
    li.append(meta, reason, back, error);
    back.addEventListener("click", () => act(li, () => api("POST", "/api/v1/knowledge/unretire", { item: r.item, maintainer: me() })));
    return li;
  }));
}

// One line per week: answers given, how many members flagged as wrong (the flag rate) and found helpful.
function showFeedback(f) {
  fill($("#feedback-weeks"), $("#feedback-empty"), f.weeks.slice().reverse().map(w => {
    const li = document.createElement("li");
    li.className = "card item feedback-week";
    li.textContent = "week of " + w.week + " · " + w.answers + (w.answers === 1 ? " answer" : " answers") + " · "
      + w.flagged + " flagged (" + (Math.round(w.flagRate * 1000) / 10) + " %) · " + w.helpful + " helpful";
    return li;
  }));
}

// --- end of flagged answers and verdicts ---

function learnedNode(l) {
  const node = $("#learned-template").content.firstElementChild.cloneNode(true);
  node.dataset.id = l.id;
  $(".id", node).textContent = "#" + l.id;
  const status = $(".status", node);
  status.textContent = l.retracted ? "retracted" : "live";
  if (l.retracted) status.classList.add("retracted");
  $(".by", node).textContent = (l.maintainer || "a maintainer") + ", " + age(l.answered);
  $(".question", node).textContent = l.question;
  showAnswer($(".answer-shown", node), l.answer, l.links);
  $(".actions", node).hidden = l.retracted;
  const form = $(".edit-form", node);
  $(".edit-button", node).addEventListener("click", () => {
    form.question.value = l.question; form.answer.value = l.answer; form.links.value = l.links.join("\n");
    form.hidden = false; form.answer.focus();
  });
  $(".cancel", form).addEventListener("click", () => { form.hidden = true; });
  form.addEventListener("submit", ev => {
    ev.preventDefault();
    act(node, () => api("POST", "/api/v1/learned/" + l.id + "/edit",
      { question: form.question.value, answer: form.answer.value, links: links(form.links.value), maintainer: me() }));
  });
  $(".retract-button", node).addEventListener("click", () => {
    if (confirm("Retract #" + l.id + "? The bot stops giving this answer.")) {
      act(node, () => api("POST", "/api/v1/learned/" + l.id + "/retract", { maintainer: me() }));
    }
  });
  return node;
}

function topicNode(t) {
  const li = document.createElement("li");
  li.className = "card item";
  const meta = document.createElement("div");
  meta.className = "meta";
  meta.textContent = t.count + (t.count === 1 ? " time" : " times") + " · " + (t.answered ? "answered" : "not answered");
  const question = document.createElement("p");
  question.className = "question";
  question.textContent = t.question;
  li.append(meta, question);
  return li;
}

function showStats(s, open) {
  $("#stats-rate").textContent = s.questions ? (Math.round(s.answerRate * 1000) / 10) + " %" : "–";
  $("#stats-questions").textContent = s.questions;
  $("#stats-answered").textContent = s.answered;
  $("#stats-escalated").textContent = s.escalated;
  $("#stats-answered-later").textContent = s.answeredLater || 0;
  const oldest = open.map(e => e.created).sort()[0];
  $("#stats-oldest-open").textContent = oldest ? age(oldest).replace(" ago", "") : "none open";
  $("#stats-oldest-open").title = oldest || "";
  const days = s.days || [];
  $("#stats-days-empty").hidden = days.length > 0;
  document.querySelectorAll("#stats .charts").forEach(c => c.hidden = days.length === 0);
  CHARTS.forEach(chart => chart(days));
  fill($("#stats-top"), $("#stats-top-empty"), s.top.map(topicNode));
  fill($("#stats-gaps"), $("#stats-gaps-empty"), s.gaps.map(topicNode));
}

// The Stats panel's charts: each takes the days ({day, answered, escalated, ignored}, oldest
// first) and draws into its own <svg>. Another chart is another function in this list.
// Drawn with createElementNS and textContent only: nothing from the server becomes markup.
const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 600, height: 160, left: 28, bottom: 18, top: 6 };

function svgNode(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(svg, max, label) {
  svg.setAttribute("viewBox", "0 0 " + CHART.width + " " + CHART.height);
  const base = CHART.height - CHART.bottom;
  svg.replaceChildren(
    svgNode("line", { x1: CHART.left, y1: base, x2: CHART.width, y2: base, class: "axis" }),
    svgNode("text", { x: 0, y: CHART.top + 8 }, label(max)),
    svgNode("text", { x: 0, y: base }, label(0)));
  return { base, span: base - CHART.top };
}

// a week's width at least, so that one day is a bar, not a wall
function xOf(i, n) {
  const step = (CHART.width - CHART.left) / Math.max(7, n);
  return { x: CHART.left + i * step, step };
}

function dayLabels(svg, days) {
  if (days.length === 0) return;
  const last = days.length - 1;
  [0, last].filter((i, k, all) => all.indexOf(i) === k).forEach(i => {
    const { x, step } = xOf(i, days.length);
    svg.appendChild(svgNode("text", { x: i === 0 ? x : Math.max(CHART.left, x + step - 60), y: CHART.height - 4 },
      days[i].day));
  });
}

function messagesPerDay(days) {
  const svg = $("#chart-days");
  const max = Math.max(1, ...days.map(d => d.answered + d.escalated + d.ignored));
  const { base, span } = frame(svg, max, String);
  days.forEach((d, i) => {
    const { x, step } = xOf(i, days.length);
    let y = base;
    for (const kind of ["answered", "escalated", "ignored"]) {
      const h = d[kind] / max * span;
      if (h <= 0) continue;
      y -= h;
      const bar = svgNode("rect", { x: x + step * 0.1, y, width: step * 0.8, height: h, class: kind, "data-kind": kind,
        "data-day": d.day });
      bar.appendChild(svgNode("title", {}, d.day + ": " + d.answered + " answered, " + d.escalated + " escalated, "
        + d.ignored + " ignored"));
      svg.appendChild(bar);
    }
  });
  dayLabels(svg, days);
}

function answerRate(days) {
  const svg = $("#chart-rate");
  const { base, span } = frame(svg, 1, v => Math.round(v * 100) + "%");
  const points = [];
  days.forEach((d, i) => {
    const asked = d.answered + d.escalated;
    if (asked === 0) return; // a day of chatter only has no rate
    const { x, step } = xOf(i, days.length);
    const rate = d.answered / asked;
    points.push([x + step / 2, base - rate * span]);
    const dot = svgNode("circle", { cx: x + step / 2, cy: base - rate * span, r: 3, class: "dot", "data-day": d.day,
      "data-rate": rate.toFixed(3) });
    dot.appendChild(svgNode("title", {}, d.day + ": " + Math.round(rate * 100) + " % of " + asked + " questions"));
    svg.appendChild(dot);
  });
  if (points.length > 1) {
    svg.insertBefore(svgNode("polyline", { points: points.map(p => p.join(",")).join(" "), class: "rate" }),
      svg.firstChild.nextSibling);
  }
  dayLabels(svg, days);
}

const CHARTS = [messagesPerDay, answerRate];

function today() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

async function previewDigest() {
  const since = $("#digest-since").value;
  const until = $("#digest-until").value;
  $("#digest-copied").textContent = "";
  if (!since) {
    $("#digest-counts").textContent = "Pick the first day.";
    return;
  }
  try {
    const d = await api("GET", "/api/v1/digest?since=" + encodeURIComponent(since)
      + (until ? "&until=" + encodeURIComponent(until) : "")
      + ($("#digest-unanswered").checked ? "&unanswered=true" : ""));
    $("#digest-markdown").value = d.markdown;
    $("#digest-counts").textContent = d.answered + (d.answered === 1 ? " answered question" : " answered questions")
      + ($("#digest-unanswered").checked ? ", " + d.unanswered + " asked and not yet answered" : "")
      + " from " + d.since + (d.until ? " to " + d.until : " to today");
  } catch (e) {
    $("#digest-counts").textContent = e.message;
  }
}

async function copyDigest() {
  const box = $("#digest-markdown");
  try {
    await navigator.clipboard.writeText(box.value);
    $("#digest-copied").textContent = "Copied.";
  } catch (e) {
    // no clipboard permission (an http:// address other than localhost): select it for Ctrl+C
    box.focus();
    box.select();
    $("#digest-copied").textContent = document.execCommand && document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C.";
  }
}

function fill(list, empty, nodes) {
  list.replaceChildren(...nodes);
  if (empty) empty.hidden = nodes.length > 0;
}

async function render() {
  try {
    if (state.tab === "queue") {
      const data = await api("GET", "/api/v1/escalations?askers=5&status=" + encodeURIComponent($("#queue-status").value));
      fill($("#queue-list"), $("#queue-empty"), data.items.map(escalationNode));
    } else if (state.tab === "learned") {
      const data = await api("GET", "/api/v1/learned" + ($("#show-retracted").checked ? "?retracted=true" : ""));
      fill($("#learned-list"), $("#learned-empty"), data.items.map(learnedNode));
    } else if (state.tab === "topics") {
      const data = await api("GET", "/api/v1/topics");
      fill($("#topics-list"), $("#topics-empty"), data.items.map(escalationNode));
    } else if (state.tab === "stats") {
      const since = $("#stats-since").value;
      const stats = await api("GET", "/api/v1/stats?top=10" + (since ? "&since=" + encodeURIComponent(since) : ""));
      showStats(stats, (await api("GET", "/api/v1/escalations?askers=5&status=open")).items);
      showFeedback(await api("GET", "/api/v1/feedback" + (since ? "?since=" + encodeURIComponent(since) : "")));
    } else if (state.tab === "digest") {
      if (!$("#digest-since").value) {
        const week = new Date(Date.now() - 6 * 86400000 - new Date().getTimezoneOffset() * 60000);
        $("#digest-since").value = week.toISOString().slice(0, 10);
        $("#digest-until").value = today();
      }
      if (!$("#digest-markdown").value) await previewDigest();
    } else if (state.tab === "search") {
      await renderAged();
      await renderRetired();
    } else if (state.tab === "audit") {
      const data = await api("GET", "/api/v1/audit");
      fill($("#audit-list"), null, data.items.map(r => {
        const li = document.createElement("li");
        li.className = "card item";
        const meta = document.createElement("div");
        meta.className = "meta";
        meta.textContent = age(r.at) + " · " + (r.actor || "someone") + " · " + r.action + " " + r.subject;
        const detail = document.createElement("p");
        detail.className = "question";
        detail.textContent = r.detail;
        li.append(meta, detail);
        return li;
      }));
    }
    const open = await api("GET", "/api/v1/escalations?askers=5&status=open");
    $("#queue-count").textContent = open.items.length || "";
  } catch (e) {
    console.warn(e);
  }
}

function candidateNode(title, c) {
  const box = document.createElement("div");
  const h = document.createElement("h3");
  h.textContent = title + " · rank " + c.rank_score.toFixed(2) + " · " + c.origin + " · " + c.file + (c.date ? " " + c.date : "");
  const q = document.createElement("p");
  q.className = "question";
  q.textContent = "Q: " + c.question;
  const a = document.createElement("div");
  a.className = "answer-shown";
  showAnswer(a, c.answer, c.links);
  box.append(h, q, a);
  return box;
}

// The matcher's reasons (what qabot ask --explain prints): what decided, the model's confidence
// against the threshold, each feature of the best candidate with what it adds, the runner-up.
function whyNode(e) {
  const box = el("div", "why");
  box.append(el("p", "decided-by", "Decided by " + e.decidedBy),
    el("p", "meta-line", "Model confidence " + e.modelConfidence.toFixed(3) + " (threshold " + e.threshold.toFixed(3)
      + ", bias " + e.bias.toFixed(3) + ")"));
  const names = Object.keys(e.features || {});
  if (names.length) {
    const table = el("table", "features");
    const head = table.createTHead().insertRow();
    for (const h of ["feature", "value", "adds"]) head.append(el("th", "", h));
    const body = table.createTBody();
    for (const name of names) {
      const row = body.insertRow();
      const f = e.features[name];
      row.insertCell().textContent = name;
      row.insertCell().textContent = f.value.toFixed(3);
      row.insertCell().textContent = (f.adds >= 0 ? "+" : "") + f.adds.toFixed(3);
    }
    box.append(table);
  }
  if (e.runnerUp) {
    box.append(el("p", "meta-line runner-up",
      "Runner-up from another thread: " + e.runnerUp.item + " turn " + e.runnerUp.turn + ": " + e.runnerUp.question));
  }
  return box;
}

async function search(ev) {
  ev.preventDefault();
  const out = $("#search-result");
  try {
    const x = await api("POST", "/api/v1/explain", { text: $("#search-text").value });
    const card = document.createElement("div");
    card.className = "card verdict";
    const head = document.createElement("p");
    const score = document.createElement("span");
    score.className = "score";
    score.textContent = x.score.toFixed(2);
    const word = { answer: " — the bot answers", escalate: " — it goes to the maintainers", ignore: " — the bot stays quiet (not a question)" };
    head.append(score, document.createTextNode(word[x.decision] || x.decision));
    card.append(head);
    if (x.explain) card.append(whyNode(x.explain));
    if (x.best) {
      const best = candidateNode("Best", x.best);
      tryItVerdicts(best, x.best, x.question);
      card.append(best);
    }
    if (x.runner_up) card.append(candidateNode("Runner-up", x.runner_up));
    out.replaceChildren(card);
  } catch (e) {
    out.textContent = e.message;
  }
}

function show(tab) {
  state.tab = tab;
  document.querySelectorAll("section.tab").forEach(s => s.hidden = s.id !== tab);
  document.querySelectorAll("nav button").forEach(b => b.classList.toggle("active", b.dataset.tab === tab));
  render();
}

function signedIn() {
  $("#sign-in").hidden = true;
  $("#tabs").hidden = false;
  $("#sign-out").hidden = false;
  show(state.tab);
}

function signOut(reason) {
  sessionStorage.removeItem("qabot.token");
  document.querySelectorAll("section.tab").forEach(s => s.hidden = true);
  $("#tabs").hidden = true;
  $("#sign-out").hidden = true;
  $("#sign-in").hidden = false;
  $("#sign-in-error").textContent = reason || "";
}

document.addEventListener("DOMContentLoaded", () => {
  $("#sign-in-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    sessionStorage.setItem("qabot.token", $("#token").value.trim());
    sessionStorage.setItem("qabot.me", $("#me").value.trim());
    try {
      await api("GET", "/api/v1/escalations?askers=5&status=open");
      signedIn();
    } catch (e) {
      signOut(e.message);
    }
  });
  $("#sign-out").addEventListener("click", () => signOut(""));
  document.querySelectorAll("nav button").forEach(b => b.addEventListener("click", () => show(b.dataset.tab)));
  $("#queue-status").addEventListener("change", render);
  $("#refresh").addEventListener("click", render);
  $("#show-retracted").addEventListener("change", render);
  $("#stats-since").addEventListener("change", render);
  $("#search-form").addEventListener("submit", search);
  $("#digest-preview").addEventListener("click", previewDigest);
  $("#digest-copy").addEventListener("click", copyDigest);
  if (token()) signedIn();
  // refresh now and then, but never under a maintainer typing an answer
  setInterval(() => {
    const typing = document.querySelector("form.answer-form:not([hidden]), form.edit-form:not([hidden])");
    if (token() && document.visibilityState === "visible" && !typing) render();
  }, 15000);
});
