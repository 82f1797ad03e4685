"""The website's search: one document per section of every chapter, indexed at build time.

``make html`` builds a lunr index in Python (the ``lunr`` package writes the format lunr.js reads) and
stores it, with each section's title and a short excerpt, in ``assets/search-index.js``. The page loads
that file with a <script> tag, so search works offline and even from ``file://``, with no server.
"""

import json
import re

from lunr import lunr

EXCERPT = 180  # characters of a section's text shown under its title in the results


def plain_text(markdown):
    """Markdown as plain words: no images, link targets, HTML tags, emphasis or TeX delimiters."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\\[A-Za-z]+", " ", text)  # TeX commands: \dots, \partial
    text = re.sub(r"[#*_`$|>]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def sections(nb, stem, anchors):
    """The chapter cut at its '## ' headings: a list of {id, title, body} (the part above the first
    heading is the chapter's introduction). ``anchors`` maps a heading's text to its id on the page."""
    found = [{"id": f"{stem}.html", "title": "Introduction", "body": []}]
    for cell in nb.cells:
        if "colab-badge" in cell.metadata.get("tags", []):
            continue
        if cell.cell_type == "code":  # code is searchable too: "softmax(" finds where it is called
            found[-1]["body"].append(cell.source)
            continue
        for line in cell.source.splitlines():  # a section may start in the middle of a markdown cell
            if line.startswith("## "):
                title = plain_text(line[3:])
                anchor = anchors.get(title)
                found.append({"id": f"{stem}.html" + (f"#{anchor}" if anchor else ""), "title": title, "body": []})
            elif not line.startswith("# "):  # a heading is its result's title, not its excerpt
                found[-1]["body"].append(line)
    return [dict(s, body=plain_text("\n".join(s["body"]))) for s in found]


def search_index(chapters):
    """``chapters``: a list of (chapter title, sections). Returns the text of assets/search-index.js."""
    documents, shown = [], {}
    for chapter, parts in chapters:
        for part in parts:
            documents.append({"id": part["id"], "title": f"{chapter} {part['title']}", "body": part["body"]})
            excerpt = part["body"][:EXCERPT].rsplit(" ", 1)[0] + ("…" if len(part["body"]) > EXCERPT else "")
            shown[part["id"]] = {"chapter": chapter, "section": part["title"], "excerpt": excerpt}
    index = lunr(ref="id", fields=[{"field_name": "title", "boost": 5}, "body"], documents=documents)
    payload = {"index": index.serialize(), "documents": shown}
    return "window.SEARCH = " + json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + ";\n"
