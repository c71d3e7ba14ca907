// The start-up script every page loads, as a classic script in the oldest JavaScript (ES5), so
// that even a browser too old for the site parses it and can say so.
//
// It applies the large-text choice at once. It fetches the wasm only once the browser has drawn
// the page's text (its first contentful paint; where the browser cannot report that, once the
// page has loaded and a frame has passed; after 3 s at the latest), and starts the service
// worker then. Until an interactive part (an <app-island>) has been taken over by the wasm, a tap
// on it is held and done once it is taken over, and what is typed into it is kept; a tap on a
// link goes through. If the wasm cannot run (no WebAssembly, a failed download, a compile or
// start-up error) or is still not running after a while, each interactive part says so in plain
// Chinese, with what to do and what works without it. The build fills in the two file names.
(function () {
  var GLUE = '/{{js}}';
  var WASM = '/{{wasm}}';
  // How long the wasm may take before the parts say the network is slow (they keep waiting).
  var SLOW_AFTER_MS = 15000;
  // After this long without the wasm, a line fixed at the bottom of the screen says that the
  // page's tools are getting ready (fixed, so nothing on the page moves; a fast load never shows it).
  var GETTING_READY_AFTER_MS = 1000;
  // Parts that are a whole tool: each gets its own message. The small ones (朗读, 大字, 分享,
  // 打印) are hidden when they cannot run, and one line at the top of the page says why.
  var TOOLS = {
    'coverage-check': '“能不能享受”的查询',
    calculator: '住院费用计算器',
    embed: '住院费用计算器',
    premium: '扶贫特惠保计算器',
    cadre: '干部台账'
  };
  var ELSEWHERE = '不用它也能看：<a href="/diseases">九种大病和算好的例子</a>、' +
    '<a href="/hospitals">定点医院</a>、<a href="/policy">政策讲解</a>。';
  var WHAT_TO_DO = '可以这样试：在微信里点右上角“…”，选“在浏览器打开”，用手机自带的浏览器打开；' +
    '或者把微信、手机浏览器更新到最新版本后再打开。';
  var MESSAGES = {
    loading: function (tool) {
      return '<p><strong>' + tool + '正在准备……</strong>网络慢时要等一会儿。' +
        '您现在点的、填的都会记下，准备好后接着做。</p>';
    },
    slow: function (tool) {
      return '<p><strong>网络较慢，' + tool + '还在加载。</strong>请稍等；如果一直用不了，' +
        '请换到信号好的地方后刷新本页。</p><p>' + ELSEWHERE + '</p>';
    },
    failed: function (tool) {
      return '<p><strong>这个浏览器没能运行' + tool + '。</strong>可能是网络中断了，' +
        '也可能是浏览器版本太旧。请在信号好的地方刷新本页。</p><p>' + WHAT_TO_DO + '</p><p>' +
        ELSEWHERE + '</p>';
    },
    unsupported: function (tool) {
      return '<p><strong>这个浏览器太旧，运行不了' + tool + '。</strong></p><p>' + WHAT_TO_DO +
        '</p><p>' + ELSEWHERE + '</p>';
    }
  };
  var PAGE_LINE = {
    failed: '这个浏览器没能运行本页的朗读、大字和分享按钮，页面上的文字都可以照常看。',
    unsupported: '这个浏览器太旧，运行不了本页的朗读、大字和分享按钮，页面上的文字都可以照常看。'
  };

  var root = document.documentElement;

  // Only /embed may be shown inside another site's frame. Any other page framed by another
  // origin does not start (so the roster kept on this phone is never shown there, and no click
  // in the frame can change it) and offers to open the page on its own. A meta CSP cannot carry
  // frame-ancestors; a host that can send headers should send it too (README: Browsers and phones).
  var framedElsewhere = false;
  try {
    framedElsewhere = window.top !== window.self && window.top.location.origin !== location.origin;
  } catch (e) {
    framedElsewhere = true;
  }
  if (framedElsewhere && !/^\/embed(\/|\/index\.html)?$/.test(location.pathname)) {
    root.setAttribute('data-framed', '');
    var refuse = function () {
      var body = document.body;
      while (body.firstChild) body.removeChild(body.firstChild);
      var box = document.createElement('p');
      box.className = 'notice warning';
      box.setAttribute('role', 'alert');
      box.appendChild(document.createTextNode('本页不能放在其他网站的框架里使用。'));
      var link = document.createElement('a');
      link.href = location.href;
      link.target = '_top';
      link.rel = 'noopener';
      link.appendChild(document.createTextNode('单独打开本页'));
      box.appendChild(link);
      body.appendChild(box);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', refuse);
    else refuse();
    return;
  }

  try {
    if (localStorage.getItem('large-text') === '1') root.className += ' large-text';
  } catch (e) {}

  var state = 'loading';
  var gettingReadyShown = false;
  // Taps held until their part is taken over, and fields typed into before that.
  var heldTaps = [];
  var typedFields = [];

  function islandOf(node) {
    while (node && node.nodeType === 1) {
      if (node.tagName === 'APP-ISLAND') return node;
      node = node.parentNode;
    }
    return null;
  }

  function closest(node, test) {
    while (node && node.nodeType === 1) {
      if (test(node)) return node;
      node = node.parentNode;
    }
    return null;
  }

  function isTakenOver(island) {
    return island.hasAttribute('data-taken-over');
  }

  function islands() {
    return document.getElementsByTagName('app-island');
  }

  function statusBoxFor(island) {
    var box = island.previousSibling;
    if (box && box.nodeType === 1 && box.getAttribute('data-status-for') === island.getAttribute('data-island')) {
      return box;
    }
    return null;
  }

  // Draws each part's message for the current state; a part taken over has none.
  function render() {
    root.setAttribute('data-boot', state);
    var list = islands();
    var smallPartsDown = false;
    for (var i = 0; i < list.length; i++) {
      var island = list[i];
      var name = island.getAttribute('data-island');
      var tool = TOOLS[name];
      var box = statusBoxFor(island);
      var show = !isTakenOver(island) && state !== 'ready' && (state !== 'loading' || island.hasAttribute('data-held'));
      if (!tool) {
        if (!isTakenOver(island) && (state === 'failed' || state === 'unsupported')) smallPartsDown = true;
        continue;
      }
      if (!show) {
        if (box) box.parentNode.removeChild(box);
        continue;
      }
      if (!box) {
        box = document.createElement('div');
        box.className = 'notice warning boot-status';
        box.setAttribute('role', 'status');
        box.setAttribute('data-status-for', name);
        island.parentNode.insertBefore(box, island);
      }
      var html = MESSAGES[state](tool);
      if (box.getAttribute('data-state') !== state) {
        box.innerHTML = html;
        box.setAttribute('data-state', state);
      }
    }
    var bar = document.getElementById('boot-getting-ready');
    var waitingFor = null;
    for (var j = 0; j < list.length; j++) {
      if (TOOLS[list[j].getAttribute('data-island')] && !isTakenOver(list[j])) {
        waitingFor = TOOLS[list[j].getAttribute('data-island')];
        break;
      }
    }
    if (gettingReadyShown && state === 'loading' && waitingFor && !bar && document.body) {
      bar = document.createElement('p');
      bar.id = 'boot-getting-ready';
      bar.setAttribute('role', 'status');
      bar.appendChild(document.createTextNode(waitingFor + '正在准备……网络慢时要等一会儿。'));
      document.body.appendChild(bar);
    } else if (bar && !(state === 'loading' && waitingFor)) {
      bar.parentNode.removeChild(bar);
    }
    var line = document.getElementById('boot-page-status');
    if (smallPartsDown && !line) {
      var main = document.getElementsByTagName('main')[0];
      if (main) {
        line = document.createElement('p');
        line.id = 'boot-page-status';
        line.className = 'notice warning boot-status';
        line.setAttribute('role', 'status');
        line.appendChild(document.createTextNode(PAGE_LINE[state]));
        main.insertBefore(line, main.firstChild);
      }
    } else if (!smallPartsDown && line) {
      line.parentNode.removeChild(line);
    }
  }

  function setState(next) {
    if (state === 'ready' || state === next) return;
    state = next;
    if (document.readyState === 'loading') return;
    render();
  }

  // A tap inside a part that is not running yet: held, shown as waiting, done once it runs.
  function onTap(event) {
    var island = islandOf(event.target);
    if (!island || isTakenOver(island)) return;
    if (closest(event.target, function (n) { return n.tagName === 'A' && n.hasAttribute('href'); })) return;
    event.preventDefault();
    if (event.type !== 'click') return;
    var control = closest(event.target, function (n) {
      return /^(BUTTON|INPUT|SELECT|TEXTAREA|LABEL|SUMMARY)$/.test(n.tagName);
    });
    if (!control || control.tagName === 'SELECT' || control.tagName === 'TEXTAREA' ||
        (control.tagName === 'INPUT' && /^(text|number|search|tel|date|email|url|)$/.test(control.type))) {
      return;
    }
    heldTaps.push(control);
    control.setAttribute('aria-busy', 'true');
    control.className += ' boot-waiting';
    island.setAttribute('data-held', '');
    render();
  }

  // What is typed before the part runs stays in the field; it is handed to the part once it runs.
  function onType(event) {
    var island = islandOf(event.target);
    var field = event.target;
    if (!island || isTakenOver(island)) return;
    if (!/^(INPUT|SELECT|TEXTAREA)$/.test(field.tagName) || /^(checkbox|radio)$/.test(field.type)) return;
    for (var i = 0; i < typedFields.length; i++) {
      if (typedFields[i].field === event.target) {
        typedFields[i].value = event.target.value;
        return;
      }
    }
    typedFields.push({ field: event.target, value: event.target.value });
    island.setAttribute('data-held', '');
    render();
  }

  function fire(target, type) {
    var event;
    try {
      event = new Event(type, { bubbles: true });
    } catch (e) {
      event = document.createEvent('Event');
      event.initEvent(type, true, false);
    }
    target.dispatchEvent(event);
  }

  // A part has just been taken over: give it what was typed and tapped while it was not.
  function handOver(island) {
    var i;
    var keptFields = [];
    for (i = 0; i < typedFields.length; i++) {
      var typed = typedFields[i];
      if (islandOf(typed.field) !== island) {
        keptFields.push(typed);
        continue;
      }
      typed.field.value = typed.value;
      fire(typed.field, 'input');
      fire(typed.field, 'change');
    }
    typedFields = keptFields;
    var keptTaps = [];
    for (i = 0; i < heldTaps.length; i++) {
      var control = heldTaps[i];
      if (islandOf(control) !== island) {
        keptTaps.push(control);
        continue;
      }
      control.removeAttribute('aria-busy');
      control.className = control.className.replace(/ ?boot-waiting/g, '');
      if (document.body.contains(control)) control.click();
    }
    heldTaps = keptTaps;
    island.removeAttribute('data-held');
  }

  function watchTakeovers() {
    if (!window.MutationObserver) return;
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var target = records[i].target;
        if (records[i].attributeName === 'data-taken-over' && target.tagName === 'APP-ISLAND') {
          setTimeout(handOverLater(target), 0);
        } else if (records[i].attributeName === 'data-app' && target === root &&
                   root.getAttribute('data-app') === 'ready') {
          state = 'ready';
        }
      }
      render();
    }).observe(root, { attributes: true, subtree: true, attributeFilter: ['data-taken-over', 'data-app'] });
  }

  function handOverLater(island) {
    return function () { handOver(island); };
  }

  function canRunWasm() {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' &&
      typeof Promise === 'function' && typeof TextDecoder === 'function' && !!window.MutationObserver;
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    if (!canRunWasm()) {
      setState('unsupported');
      return;
    }
    setTimeout(function () { if (state === 'loading') setState('slow'); }, SLOW_AFTER_MS);
    setTimeout(function () { gettingReadyShown = true; render(); }, GETTING_READY_AFTER_MS);
    var script = document.createElement('script');
    script.src = GLUE;
    script.onerror = function () { setState('failed'); };
    script.onload = function () {
      if (typeof wasm_bindgen !== 'function') {
        setState('failed');
        return;
      }
      try {
        wasm_bindgen({ module_or_path: WASM }).then(null, function () { setState('failed'); });
      } catch (e) {
        setState('failed');
      }
    };
    document.head.appendChild(script);
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/sw.js').then(null, function () {});
    }
  }

  function soon() { setTimeout(start, 0); }

  document.addEventListener('click', onTap, true);
  document.addEventListener('submit', onTap, true);
  document.addEventListener('input', onType, true);
  document.addEventListener('change', onType, true);
  watchTakeovers();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', render);
  }

  var observing = false;
  try {
    if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') >= 0) {
      new PerformanceObserver(function (list, observer) {
        var entries = list.getEntries();
        for (var i = 0; i < entries.length; i++) {
          if (entries[i].name === 'first-contentful-paint') {
            observer.disconnect();
            soon();
            return;
          }
        }
      }).observe({ type: 'paint', buffered: true });
      observing = true;
    }
  } catch (e) {}
  if (!observing) {
    if (document.readyState === 'complete') soon();
    else window.addEventListener('load', soon);
  }
  setTimeout(start, 3000);
})();
