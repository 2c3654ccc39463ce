/*
 * The plan workspace's little script: while a plan runs it counts the time and asks the server
 * how the plan is doing (GET …/plan/status, every few seconds); once it is done it fetches the
 * page again and puts its new content (the plan section, the versions) in place of the old,
 * without reloading the page.
 * A section still waiting for something else (the what-if of the unscheduled) is fetched again
 * after the seconds it names. Without this script the page refreshes itself (a meta refresh).
 */
(function () {
  'use strict';
  var POLL_MS = 2000;
  document.documentElement.classList.add('js');

  function clock(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m > 0 ? m + ':' + (s < 10 ? '0' : '') + s : s + ' s';
  }

  function replaceSection(url, push) {
    return fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(new Error(String(res.status))); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        // The page's content (its plan section, and the versions above it), not the page: nothing else reloads.
        var fresh = doc.getElementById('main');
        var old = document.getElementById('main');
        if (!fresh || !old || !fresh.querySelector('#plan-live')) return;
        old.replaceWith(document.importNode(fresh, true));
        if (push && url !== location.pathname + location.search) history.replaceState(null, '', url);
        // Says what happened to whoever listens: the run's notice takes the focus.
        var status = push ? document.querySelector('#plan-run [role=status], #plan-run [role=alert]') : null;
        if (status) {
          status.setAttribute('tabindex', '-1');
          status.focus();
        }
        start();
      });
  }

  function watchRun(live) {
    var elapsed = live.querySelector('[data-elapsed]');
    var seconds = elapsed ? Number(elapsed.getAttribute('data-elapsed')) || 0 : 0;
    var begun = Date.now();
    var ticking = elapsed ? setInterval(function () {
      if (!document.body.contains(elapsed)) { clearInterval(ticking); return; }
      elapsed.textContent = clock(seconds + Math.round((Date.now() - begun) / 1000));
    }, 1000) : null;
    if (elapsed) elapsed.textContent = clock(seconds);
    function poll() {
      fetch(live.getAttribute('data-status-url'), { headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.json(); })
        .then(function (status) {
          if (status.state === 'running') { setTimeout(poll, POLL_MS); return; }
          if (ticking) clearInterval(ticking);
          // A new version is shown at the page's own address, the latest; anything else where the page is.
          var url = status.outcome === 'planned' ? live.getAttribute('data-latest-url') : location.pathname + location.search;
          return replaceSection(url, true);
        })
        .catch(function () { setTimeout(poll, POLL_MS * 3); });
    }
    setTimeout(poll, POLL_MS);
  }

  function start() {
    var live = document.getElementById('plan-live');
    if (!live) return;
    if (live.getAttribute('data-state') === 'running') watchRun(live);
    var reload = Number(live.getAttribute('data-reload-seconds'));
    if (reload > 0) {
      setTimeout(function () {
        replaceSection(location.pathname + location.search, false).catch(function () {});
      }, reload * 1000);
    }
  }

  start();
})();
