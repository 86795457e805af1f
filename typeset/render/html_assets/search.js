// Search of the HTML edition: the query's words (split at spaces, all of them required)
// as substrings of each article's text, which suits Chinese without word segmentation.
// The text comes from search-data.js (window.TYPESET_SEARCH), so this works from file://.
(function () {
  var EXCERPT_BEFORE = 30;  // characters of context shown before the first hit
  var EXCERPT_LENGTH = 110;
  var records = (window.TYPESET_SEARCH || []).map(function (r) {
    return { u: r.u, h: r.h, p: r.p, t: r.t, key: fold(r.h + "\n" + r.t), body: fold(r.t) };
  });
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");

  function fold(text) {  // full-width Latin and digits as half-width, capitals as small
    return text.normalize("NFKC").toLowerCase();
  }

  function count(haystack, needle) {
    var n = 0;
    for (var at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
    return n;
  }

  function excerpt(record, words) {
    var at = record.body.indexOf(words[0]);
    var start = Math.max(0, at - EXCERPT_BEFORE);
    var folded = record.body.slice(start, start + EXCERPT_LENGTH);
    // The text as written where folding kept every position, else the folded text.
    var source = record.t.length === record.body.length ? record.t : record.body;
    var text = source.slice(start, start + EXCERPT_LENGTH);
    var p = document.createElement("p");
    if (start > 0) p.appendChild(document.createTextNode("…"));
    var pattern = new RegExp(words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|"), "g");
    var last = 0;
    folded.replace(pattern, function (match, offset) {
      p.appendChild(document.createTextNode(text.slice(last, offset)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(offset, offset + match.length);
      p.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    p.appendChild(document.createTextNode(text.slice(last)));
    if (start + EXCERPT_LENGTH < record.body.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function run(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) {
      status.textContent = "在上方输入词语，多个词用空格分开。";
      return;
    }
    var hits = records.filter(function (r) {
      return words.every(function (w) { return r.key.indexOf(w) >= 0; });
    }).map(function (r) {
      return { r: r, n: words.reduce(function (s, w) { return s + count(r.key, w); }, 0) };
    }).sort(function (a, b) { return b.n - a.n; });
    status.textContent = hits.length ? "找到 " + hits.length + " 篇：" + query
                                     : "没有找到：" + query;
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.r.u;
      a.textContent = hit.r.h;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = hit.r.p;
      li.appendChild(a);
      li.appendChild(where);
      if (hit.r.body.indexOf(words[0]) >= 0) li.appendChild(excerpt(hit.r, words));
      list.appendChild(li);
    });
  }

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  run(initial);
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
    try {  // keep the query in the address, for the back button and bookmarks
      window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    } catch (e) { /* some browsers refuse it for file:// documents: the results stand */ }
  });
})();
