// A peer the benchmark compares our embeds with: one chart drawn by Chart.js alone (no table,
// notes, keyboard walk or embed protocol), its data, options and font in the page
// (bench/peer.mjs), served as static files under the same CSP. It marks "report-ready" when
// Chart.js has drawn, as our page does when its charts are drawn, so the benchmark times both
// the same way.
/* global Chart */
const { font, data, options } = JSON.parse(document.getElementById('peer-data').textContent);
const ready = { id: 'ready', afterRender: () => { if (!performance.getEntriesByName('report-ready').length) performance.mark('report-ready'); } };
Chart.defaults.font.family = font;
new Chart(document.getElementById('peer'), {
  type: 'bar',
  data,
  options: { ...options, responsive: true, maintainAspectRatio: false, animation: false },
  plugins: [ready],
});
