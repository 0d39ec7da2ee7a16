// A small price chart drawn with inline SVG: a step line (a price holds until it changes) over a period, with the
// lowest price marked. Built element by element; nothing is parsed from text.

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 120;
const HEIGHT = 28;
const PAD = 3; // room for the line's width and the lowest price's dot
const DAY_MS = 24 * 60 * 60 * 1000;

function svgEl(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * The chart of `points` ({at, price}, oldest first, one currency) over the `days` up to `now`, or null with fewer
 * than one priced point. `label` is its text alternative (the chart is an image to assistive technology).
 */
export function sparkline(points, { days, label, now = Date.now() }) {
  const priced = points
    .filter((point) => point.price !== null && point.price !== undefined)
    .map((point) => ({ time: Date.parse(point.at), price: Number(point.price) }));
  if (priced.length === 0) return null;
  const start = Math.min(now - days * DAY_MS, priced[0].time);
  const prices = priced.map((point) => point.price);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const x = (time) => PAD + ((time - start) / Math.max(1, now - start)) * (WIDTH - 2 * PAD);
  // A flat price sits in the middle rather than on an edge.
  const y = (price) => (high === low ? HEIGHT / 2 : PAD + ((high - price) / (high - low)) * (HEIGHT - 2 * PAD));

  let path = `M${x(priced[0].time).toFixed(1)},${y(priced[0].price).toFixed(1)}`;
  for (const point of priced.slice(1)) path += `H${x(point.time).toFixed(1)}V${y(point.price).toFixed(1)}`;
  path += `H${x(now).toFixed(1)}`;
  const lowest = priced.findLast((point) => point.price === low);

  const chart = svgEl("svg", {
    class: "sparkline", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img", "aria-label": label,
  });
  const title = svgEl("title");
  title.textContent = label; // shown on hover too
  chart.append(
    title,
    svgEl("path", { class: "sparkline-line", d: path, fill: "none" }),
    svgEl("circle", { class: "sparkline-low", cx: x(lowest.time).toFixed(1), cy: y(low).toFixed(1), r: 2.5 }),
  );
  return chart;
}
