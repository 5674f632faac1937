// The exported page's source panel: a click on an event shows its sources, built as text nodes
// (never innerHTML), so article text cannot become markup; only http(s) links were kept.
(function () {
  const events = JSON.parse(document.getElementById("events").textContent);
  const panel = document.getElementById("panel");
  const plot = document.getElementById("timeline");
  function add(parent, tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    parent.appendChild(node);
    return node;
  }
  function show(event) {
    panel.replaceChildren();
    add(panel, "h2", event.title);
    add(panel, "p", event.date + " · " + event.facts);
    for (const source of event.sources) {
      const card = add(panel, "div", undefined, "src");
      const head = add(card, "div", undefined, "head");
      if (source.url) {
        const link = add(head, "a", source.head);
        link.href = source.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      } else {
        head.textContent = source.head;
      }
      const text = add(card, "p");
      const [start, end] = source.mark;
      const passage = source.passage;
      if (start >= 0 && start < end && end <= passage.length) {
        text.append(passage.slice(0, start));
        add(text, "mark", passage.slice(start, end));
        text.append(passage.slice(end));
      } else {
        text.textContent = passage;
      }
    }
  }
  plot.on("plotly_click", function (data) {
    const point = data.points && data.points[0];
    if (point && typeof point.customdata === "number" && events[point.customdata]) {
      show(events[point.customdata]);
    }
  });
})();
