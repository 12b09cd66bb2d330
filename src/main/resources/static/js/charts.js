// Draws the ECharts charts of a page: every element with a data-chart attribute holding the chart's options as JSON
// (no inline script: the Content Security Policy forbids it). Charts follow the window's width.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') {
    return;
  }
  const charts = [];
  document.querySelectorAll('[data-chart]').forEach(el => {
    const chart = echarts.init(el, null, {renderer: 'svg'});
    chart.setOption(JSON.parse(el.dataset.chart));
    charts.push(chart);
  });
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
});
