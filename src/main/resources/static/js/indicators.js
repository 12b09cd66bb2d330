// The index dashboard's trend chart: the data comes in the element's data-chart attribute (no inline script).
(function () {
  'use strict';
  var el = document.getElementById('indicators-trend');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-chart'));
  var series = data.series.map(function (s) {
    return { name: s.name, type: 'line', data: s.data.map(Number) };
  });
  series.push({ name: data.totalName, type: 'bar', yAxisIndex: 1, data: data.total.map(Number), itemStyle: { opacity: 0.25 } });
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: 40, top: 20, bottom: 50 },
    xAxis: { type: 'category', data: data.months },
    yAxis: [{ type: 'value', min: 0 }, { type: 'value', min: 0, max: 100 }],
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
