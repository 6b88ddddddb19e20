// lagebild web page: plain JS, no dependencies, no external assets.
"use strict";

const view = document.getElementById("view");
const COOP = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);
const CONF = new Set(["REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
  "MOBILIZE", "COERCE", "ASSAULT"]);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child));
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const response = await fetch(`api/${path}${query.toString() ? "?" + query : ""}`);
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.json();
}

function articleLink(id, text) {
  return el("a", { href: `#/article/${encodeURIComponent(id)}` }, text || id);
}

function filterForm(fields, values, onSubmit) {
  const form = el("form", { class: "filters", role: "search" });
  for (const [name, label, type] of fields) {
    form.append(el("label", {}, label, el("input", { name, type: type || "text", value: values[name] || "" })));
  }
  form.append(el("button", { type: "submit" }, "Filtern"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    onSubmit(data);
  });
  return form;
}

function pager(page, onMove) {
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: page.offset === 0, onclick: () => onMove(Math.max(0, page.offset - page.limit)) }, "← zurück"),
    el("span", {}, page.total ? `${first}–${last} von ${page.total}` : "keine Treffer"),
    el("button", { type: "button", disabled: last >= page.total, onclick: () => onMove(page.offset + page.limit) }, "weiter →"));
}

// ---------- article list ----------
async function showArticles(state = {}) {
  view.replaceChildren(el("h2", {}, "Artikel"));
  const form = filterForm([["q", "Volltext"], ["who", "Person/Organisation"], ["medium", "Medium"], ["from", "von", "text"], ["to", "bis", "text"]],
    state, (data) => showArticles({ ...data, offset: 0 }));
  view.append(form);
  const page = await api("articles", { ...state, limit: 25 });
  if (!page.items.length) { view.append(el("p", { class: "empty" }, "Keine Artikel gefunden.")); return; }
  const list = el("ul", { class: "list", "aria-label": "Artikel" });
  for (const item of page.items) {
    list.append(el("li", { class: "article-item" }, articleLink(item.id, item.title || item.id),
      el("div", { class: "meta" }, [item.date, item.medium].filter(Boolean).join(" · ")),
      item.snippet ? el("div", {}, item.snippet) : null));
  }
  view.append(list, pager(page, (offset) => showArticles({ ...state, offset })));
}

// ---------- article view with highlights ----------
function annotationSpans(analysis) {
  const spans = [];
  for (const entity of analysis.entities || []) {
    for (const mention of entity.mentions || []) {
      spans.push({ start: mention.start, end: mention.end, cls: ["ent", `ent-${entity.type}`],
        label: entity.type, title: `${entity.name} (${entity.type}${entity.kb_id ? ", " + entity.kb_id : ""})` });
    }
  }
  (analysis.quotes || []).forEach((quote, index) => {
    spans.push({ start: quote.start, end: quote.end, cls: ["quote"], data: { quote: index }, title: "Zitat" });
    for (const [role, name] of [["speaker", "Sprecher"], ["cue", "Redeeinleitung"], ["source", "Quelle"]]) {
      const part = quote[role];
      if (part && part.start !== undefined && part.end !== undefined && part.start !== null) {
        spans.push({ start: part.start, end: part.end, cls: [role], data: { [role]: index }, title: name });
      }
    }
  });
  (analysis.events || []).forEach((event, index) => {
    const evidence = event.evidence;
    if (evidence && evidence.start !== undefined && evidence.start !== null) {
      spans.push({ start: evidence.start, end: evidence.end, cls: ["event"], data: { event: index },
        label: event.type, title: `Ereignis ${event.type}` });
    }
  });
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
}

// Split a block of text at every annotation boundary; each piece carries the classes of all
// annotations covering it; labels follow the last piece of a labelled annotation.
function renderHighlighted(text, blockStart, blockEnd, spans) {
  const inside = spans.filter((s) => s.start < blockEnd && s.end > blockStart);
  const cuts = new Set([blockStart, blockEnd]);
  for (const s of inside) { cuts.add(Math.max(s.start, blockStart)); cuts.add(Math.min(s.end, blockEnd)); }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = inside.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
    const attrs = { class: ["seg", ...covering.flatMap((s) => s.cls)].join(" "), title: covering.map((s) => s.title).join(" · ") };
    for (const s of covering) for (const [k, v] of Object.entries(s.data || {})) attrs[`data-${k}`] = v;
    nodes.push(el("span", attrs, piece));
    for (const s of covering) if (s.label && s.end === b) nodes.push(el("span", { class: "label", "aria-hidden": "true" }, s.label));
  }
  return nodes;
}

function spanText(part) { return part && part.text ? part.text : null; }

async function showArticle(id) {
  view.replaceChildren(el("p", {}, "Lade…"));
  let analysis;
  try { analysis = await api(`articles/${encodeURIComponent(id)}`); }
  catch (error) { view.replaceChildren(el("p", { class: "empty" }, `Artikel nicht gefunden (${error.message}).`)); return; }
  const article = analysis.article;
  const spans = annotationSpans(analysis);
  const doc = el("article", { class: "doc", "aria-label": "Artikeltext" });
  const blocks = article.blocks && article.blocks.length ? article.blocks : [{ kind: "paragraph", start: 0, end: article.text.length }];
  for (const block of blocks) {
    doc.append(el("p", { class: block.kind }, renderHighlighted(article.text, block.start, block.end, spans)));
  }
  const legend = el("p", { class: "legend" },
    el("span", { class: "seg ent ent-PER" }, "Person"), el("span", { class: "seg ent ent-ORG" }, "Organisation"),
    el("span", { class: "seg ent ent-LOC" }, "Ort"), el("span", { class: "seg quote" }, "Zitat"),
    el("span", { class: "seg speaker" }, "Sprecher"), el("span", { class: "seg cue" }, "Redeeinleitung"),
    el("span", { class: "seg source" }, "Quelle"), el("span", { class: "seg event" }, "Ereignis"));

  const quoteList = el("ol", { class: "list quotes-list", "aria-label": "Zitate" });
  for (const quote of analysis.quotes || []) {
    quoteList.append(el("li", { class: "chain" },
      el("span", { class: "who" }, spanText(quote.speaker) || "unbekannt"), el("span", { class: "arrow" }, "→"),
      el("q", {}, quote.text), spanText(quote.source) ? el("span", { class: "arrow" }, "→") : null,
      spanText(quote.source) ? el("span", { class: "meta" }, `Quelle: ${quote.source.text}`) : null));
  }
  const entityList = el("ul", { class: "list", "aria-label": "Entitäten" });
  for (const entity of analysis.entities || []) {
    entityList.append(el("li", {}, el("a", { href: `#/quotes?who=${encodeURIComponent(entity.id)}` }, entity.name),
      el("span", { class: "meta" }, ` ${entity.type}${entity.country ? " · " + entity.country : ""}${entity.sector ? " · " + entity.sector : ""} · ${(entity.mentions || []).length}×`)));
  }
  const eventList = el("ul", { class: "list", "aria-label": "Ereignisse" });
  for (const event of analysis.events || []) {
    eventList.append(el("li", {}, el("strong", {}, event.type), " ",
      [event.actor && (event.actor.name || event.actor.text), event.recipient && (event.recipient.name || event.recipient.text)].filter(Boolean).join(" → "),
      el("div", { class: "meta" }, [event.mode, event.status, event.date && event.date.value].filter(Boolean).join(" · "))));
  }
  const side = el("aside", {},
    el("h3", {}, `Zitate (${(analysis.quotes || []).length})`), (analysis.quotes || []).length ? quoteList : el("p", { class: "empty" }, "keine"),
    el("h3", {}, `Ereignisse (${(analysis.events || []).length})`), (analysis.events || []).length ? eventList : el("p", { class: "empty" }, "keine"),
    el("h3", {}, `Entitäten (${(analysis.entities || []).length})`), entityList);
  view.replaceChildren(
    el("p", { class: "meta" }, [article.date, analysis.medium, article.url].filter(Boolean).join(" · ")),
    legend, el("div", { class: "article-layout" }, doc, side));
  view.focus();
}

// ---------- quote explorer ----------
async function showQuotes(state = {}) {
  view.replaceChildren(el("h2", {}, "Zitate"));
  view.append(filterForm([["who", "Sprecher"], ["medium", "Medium"], ["from", "von"], ["to", "bis"], ["q", "Volltext"]],
    state, (data) => showQuotes({ ...data, offset: 0 })));
  const page = await api("quotes", { ...state, limit: 50 });
  if (!page.items.length) { view.append(el("p", { class: "empty" }, "Keine Zitate gefunden.")); return; }
  const table = el("table", { class: "quotes-table" },
    el("thead", {}, el("tr", {}, ["Sprecher", "", "Zitat", "", "Quelle", "Datum", "Medium", "Artikel"].map((h) => el("th", { scope: "col" }, h)))));
  const body = el("tbody");
  for (const q of page.items) {
    body.append(el("tr", { class: "quote-row" },
      el("td", { class: "who" }, q.speaker || "unbekannt"), el("td", { class: "arrow" }, "→"),
      el("td", {}, el("q", {}, q.text)), el("td", { class: "arrow" }, q.source ? "→" : ""),
      el("td", {}, q.source || ""), el("td", {}, q.date || ""), el("td", {}, q.medium || ""),
      el("td", {}, articleLink(q.article_id, "öffnen"))));
  }
  table.append(body);
  view.append(table, pager(page, (offset) => showQuotes({ ...state, offset })));
}

// ---------- events timeline ----------
function typeClass(type) { return COOP.has(type) ? "coop" : CONF.has(type) ? "conf" : "other"; }

async function showTimeline(state = {}) {
  view.replaceChildren(el("h2", {}, "Zeitleiste der Ereignisse"));
  view.append(filterForm([["type", "Typ"], ["from", "von"], ["to", "bis"], ["who", "Akteur"]], state,
    (data) => showTimeline(data)));
  const [counts, events] = await Promise.all([api("timeline", state), api("events", { ...state, limit: 200 })]);
  if (!counts.length) { view.append(el("p", { class: "empty" }, "Keine Ereignisse gespeichert.")); return; }
  const days = [...new Set(counts.map((c) => c.date))].sort();
  const perDay = new Map(days.map((d) => [d, []]));
  for (const c of counts) perDay.get(c.date).push(c);
  const max = Math.max(...days.map((d) => perDay.get(d).reduce((n, c) => n + c.count, 0)));
  const width = Math.max(600, days.length * 28 + 60), height = 220, barW = Math.min(22, (width - 60) / days.length - 4);
  const svg = svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Ereignisse pro Tag" });
  days.forEach((day, i) => {
    let y = height - 30;
    const x = 40 + i * ((width - 60) / days.length);
    for (const c of perDay.get(day)) {
      const h = (c.count / max) * (height - 60);
      y -= h;
      const rect = svgEl("rect", { x, y, width: barW, height: h, class: `edge ${typeClass(c.type)}`,
        fill: COOP.has(c.type) ? "#2e8b57" : CONF.has(c.type) ? "#c0392b" : "#889", tabindex: 0 },
        svgEl("title", {}, `${day}: ${c.count} × ${c.type}`));
      svg.append(rect);
    }
    if (days.length < 25 || i % Math.ceil(days.length / 12) === 0) {
      svg.append(svgEl("text", { x, y: height - 12, "font-size": 10 }, day));
    }
  });
  view.append(svg);
  const list = el("ul", { class: "list", "aria-label": "Ereignisse" });
  for (const e of events.items) {
    list.append(el("li", {}, el("strong", {}, `${e.date || e.article_date || "?"} ${e.type}`), " ",
      [e.actor, e.recipient].filter(Boolean).join(" → "), " ", articleLink(e.article_id, "Artikel"),
      e.evidence ? el("div", { class: "meta" }, e.evidence) : null));
  }
  view.append(el("h3", {}, "Meldungen"), list);
}

// ---------- actor network (own force layout) ----------
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  nodes.forEach((node, i) => {
    node.x = width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / n);
    node.y = height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / n);
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  let temperature = width / 8;
  for (let step = 0; step < 300; step++) {
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
      const d = Math.max(0.01, Math.hypot(x, y)), f = (k * k) / d;
      x /= d; y /= d; dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      if (i === undefined || j === undefined || i === j) continue;
      let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
      const d = Math.max(0.01, Math.hypot(x, y)), f = ((d * d) / k) * Math.min(3, 1 + Math.log(e.weight));
      x /= d; y /= d; dx[i] -= x * f; dy[i] -= y * f; dx[j] += x * f; dy[j] += y * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (width / 2 - nodes[i].x) * 0.02; dy[i] += (height / 2 - nodes[i].y) * 0.02;
      const d = Math.max(0.01, Math.hypot(dx[i], dy[i])), move = Math.min(d, temperature);
      nodes[i].x = Math.min(width - 20, Math.max(20, nodes[i].x + (dx[i] / d) * move));
      nodes[i].y = Math.min(height - 20, Math.max(20, nodes[i].y + (dy[i] / d) * move));
    }
    temperature *= 0.985;
  }
}

async function showNetwork(state = {}) {
  view.replaceChildren(el("h2", {}, "Akteursnetz"),
    el("p", { class: "meta" }, "Wer traf, kritisierte, unterstützte wen: Linienstärke = Zahl der Meldungen; grün = Kooperation, rot = Konflikt. Knoten mit Tab ansteuern, Enter zeigt die Verbindungen."));
  view.append(filterForm([["type", "Typ"], ["from", "von"], ["to", "bis"]], state, (data) => showNetwork(data)));
  const graph = await api("network", { ...state, limit: 300 });
  if (!graph.edges.length) { view.append(el("p", { class: "empty" }, "Keine Ereignisse mit Akteur und Empfänger gespeichert.")); return; }
  const width = 900, height = 600;
  layout(graph.nodes, graph.edges, width, height);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const svg = svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "Akteursnetz" });
  svg.append(svgEl("defs", {}, svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto" },
    svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: "#889" }))));
  for (const e of graph.edges) {
    const a = byId.get(e.source), b = byId.get(e.target);
    svg.append(svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge ${typeClass(e.type)}`,
      "stroke-width": 1 + Math.log2(1 + e.weight) * 1.5, "marker-end": "url(#arrow)", opacity: 0.7 },
      svgEl("title", {}, `${a.name} → ${b.name}: ${e.type} (${e.weight})`)));
  }
  const details = el("div", { class: "details", "aria-live": "polite" });
  const colors = { PER: "#4a7fd6", ORG: "#e08a2c", LOC: "#3aa55d", MISC: "#8e6bd6" };
  for (const node of graph.nodes) {
    const group = svgEl("g", { class: "node", tabindex: 0, role: "button", "aria-label": `${node.name} (${node.type || "?"})` },
      svgEl("circle", { cx: node.x, cy: node.y, r: 9, fill: colors[node.type] || "#777" }),
      svgEl("text", { x: node.x + 11, y: node.y + 4 }, node.name || node.id));
    const select = () => {
      svg.querySelectorAll(".node.active").forEach((g) => g.classList.remove("active"));
      group.classList.add("active");
      const rows = graph.edges.filter((e) => e.source === node.id || e.target === node.id)
        .map((e) => el("li", {}, `${byId.get(e.source).name} → ${byId.get(e.target).name}: ${e.type} (${e.weight} Meldung${e.weight === 1 ? "" : "en"})`));
      details.replaceChildren(el("h3", {}, node.name), el("ul", { class: "list" }, rows),
        el("a", { href: `#/quotes?who=${encodeURIComponent(node.id)}` }, "Zitate dieses Akteurs"));
    };
    group.addEventListener("click", select);
    group.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(); } });
    svg.append(group);
  }
  view.append(svg, details);
}

// ---------- routing ----------
function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, queryString] = hash.split("?");
  const state = Object.fromEntries(new URLSearchParams(queryString || ""));
  const parts = path.split("/").filter(Boolean);
  const name = parts[0] || "articles";
  for (const link of document.querySelectorAll("nav a")) {
    link.toggleAttribute("aria-current", false);
    if (link.dataset.route === (name === "article" ? "articles" : name)) link.setAttribute("aria-current", "page");
  }
  const pages = { articles: showArticles, quotes: showQuotes, timeline: showTimeline, network: showNetwork };
  const run = name === "article" ? showArticle(decodeURIComponent(parts.slice(1).join("/"))) : (pages[name] || showArticles)(state);
  Promise.resolve(run).catch((error) => view.replaceChildren(el("p", { class: "empty" }, `Fehler: ${error.message}`)));
}

window.addEventListener("hashchange", route);
route();
