// The peer the benchmark compares our embed with: trust-2024 drawn by Chart.js alone (no
// table, notes, keyboard walk or embed protocol), its data in the page, served as static
// files under the same CSP. It marks "report-ready" when Chart.js has drawn, as our page does
// when its charts are drawn, so the benchmark times both the same way.
/* global Chart */
const data = JSON.parse(document.getElementById('peer-data').textContent);
const ready = { id: 'ready', afterRender: () => { if (!performance.getEntriesByName('report-ready').length) performance.mark('report-ready'); } };
new Chart(document.getElementById('peer'), {
  type: 'bar',
  data: {
    labels: data.labels,
    datasets: [
      { label: data.series[0], data: data.trust, backgroundColor: '#b7002a' },
      { label: data.series[1], data: data.distrust, backgroundColor: '#707070' },
    ],
  },
  options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { min: 0, max: 60 } } },
  plugins: [ready],
});
