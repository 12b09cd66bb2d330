// The supervision dashboard's charts (ECharts). The data comes from the
// element's data-chart attribute (no inline script: the CSP forbids them);
// a click on a bar opens the list of the dossiers it counts.
(function () {
  function drill(base, params) {
    var url = base + (base.indexOf('?') < 0 ? '?' : '&') + Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    }).join('&');
    window.location.href = url;
  }
  function init() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var backlog = document.getElementById('backlog-chart');
    if (backlog) {
      var d = JSON.parse(backlog.getAttribute('data-chart'));
      var chart = echarts.init(backlog);
      chart.setOption({
        tooltip: {trigger: 'axis'},
        legend: {top: 0},
        grid: {left: 8, right: 16, bottom: 8, top: 32, containLabel: true},
        xAxis: {type: 'value', minInterval: 1},
        yAxis: {type: 'category', data: d.labels, inverse: true, axisLabel: {width: 220, overflow: 'truncate'}},
        series: d.series.map(function (s) { return {name: s.name, type: 'bar', stack: 'backlog', data: s.data}; })
      });
      chart.on('click', function (p) {
        drill(backlog.getAttribute('data-drill'), {figure: d.series[p.seriesIndex].figure, key: d.keys[p.dataIndex]});
      });
      window.addEventListener('resize', function () { chart.resize(); });
    }
    var ageing = document.getElementById('ageing-chart');
    if (ageing) {
      var a = JSON.parse(ageing.getAttribute('data-chart')).ageing;
      var chart2 = echarts.init(ageing);
      chart2.setOption({
        tooltip: {},
        grid: {left: 8, right: 8, bottom: 8, top: 8, containLabel: true},
        xAxis: {type: 'category', data: a.labels, axisLabel: {interval: 0, fontSize: 10}},
        yAxis: {type: 'value', minInterval: 1},
        series: [{type: 'bar', data: a.data, itemStyle: {color: '#c0392b'}}]
      });
      chart2.on('click', function (p) {
        drill(ageing.getAttribute('data-drill'), {bucket: a.keys[p.dataIndex]});
      });
      window.addEventListener('resize', function () { chart2.resize(); });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
