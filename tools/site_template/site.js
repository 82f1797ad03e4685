// The course site's search (lunr.js over the index make html built) and the sidebar's folding.
(function () {
  const wide = window.matchMedia("(min-width: 901px)").matches;
  document.querySelectorAll(".series-sidebar details.chapters").forEach(d => { d.open = wide; });

  const input = document.getElementById("series-search-input");
  const results = document.getElementById("series-search-results");
  if (!input || !window.SEARCH || !window.lunr) return;
  const index = lunr.Index.load(window.SEARCH.index);

  function find(query) {
    try {  // lunr's own syntax first (fields, wildcards, +required -excluded)
      const hits = index.search(query);
      if (hits.length) return hits;
    } catch (error) { /* a stray ':' or '~': fall back to plain words */ }
    const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    if (!words.length) return [];
    return index.query(q => words.forEach(w => {
      q.term(w, {usePipeline: true, boost: 10});
      q.term(w, {usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING});
    }));
  }

  function show(query) {
    results.replaceChildren();
    if (query.trim().length < 2) return;
    const hits = find(query).slice(0, 12);
    if (!hits.length) {
      const none = document.createElement("li");
      none.className = "none";
      none.textContent = "Nothing found for “" + query + "”.";
      results.append(none);
      return;
    }
    for (const hit of hits) {
      const doc = window.SEARCH.documents[hit.ref];
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = hit.ref;
      link.textContent = doc.chapter + " · " + doc.section;
      const excerpt = document.createElement("span");
      excerpt.className = "excerpt";
      excerpt.textContent = doc.excerpt;
      item.append(link, excerpt);
      results.append(item);
    }
  }

  input.addEventListener("input", () => show(input.value));
  const asked = new URLSearchParams(window.location.search).get("q");
  if (asked) { input.value = asked; show(asked); }
})();
