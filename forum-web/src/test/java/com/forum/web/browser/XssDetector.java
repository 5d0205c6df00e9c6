package com.forum.web.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Sees what a payload would do in the shared Chromium. Installed through CDP's
 * {@code Page.addScriptToEvaluateOnNewDocument}, so its hooks are in place in every document and frame
 * before any script of the page runs (CDP's scripts are not bound by the page's Content-Security-Policy):
 * {@code alert}, {@code confirm}, {@code prompt}, {@code print} and {@code open} record their call, as do
 * fetches, beacons and XHRs to a {@code /xss} address, and a {@code securitypolicyviolation} listener records
 * every violation of the page's policy. All of it goes to {@code window.__xss} of the top document, read
 * after the page settled. Removed again when the suite is done, so other journeys get a plain browser.
 */
final class XssDetector implements AutoCloseable {

	private static final String HOOKS = """
			(() => {
			  if (window.__xssHooked) { return; }
			  Object.defineProperty(window, '__xssHooked', { value: true });
			  let sink;
			  try { sink = window.top.__xss; } catch (e) { sink = undefined; }
			  if (!Array.isArray(sink)) { sink = []; }
			  if (window === window.top) { Object.defineProperty(window, '__xss', { value: sink }); }
			  const note = (kind, detail) => {
			    let where = '';
			    try { where = String(location.href).slice(0, 200); } catch (e) { where = '?'; }
			    sink.push({ kind: kind, detail: String(detail).slice(0, 300), where: where });
			  };
			  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
			    const hook = function (first) { note(name, first === undefined ? '' : first); return null; };
			    try { Object.defineProperty(window, name, { value: hook, writable: false, configurable: false }); }
			    catch (e) { window[name] = hook; }
			  }
			  const suspicious = (url) => /\\/xss(\\.|\\?|\\/|$)/.test(String(url));
			  const fetching = window.fetch;
			  window.fetch = function (input, init) {
			    if (suspicious(input && input.url ? input.url : input)) { note('fetch', input); }
			    return fetching.apply(this, arguments);
			  };
			  const sending = navigator.sendBeacon ? navigator.sendBeacon.bind(navigator) : null;
			  if (sending) {
			    navigator.sendBeacon = function (url, data) { if (suspicious(url)) { note('beacon', url); } return sending(url, data); };
			  }
			  const opening = XMLHttpRequest.prototype.open;
			  XMLHttpRequest.prototype.open = function (method, url) {
			    if (suspicious(url)) { note('xhr', url); }
			    return opening.apply(this, arguments);
			  };
			  window.addEventListener('securitypolicyviolation', (e) => {
			    note('csp', e.effectiveDirective + ' blocked ' + (e.blockedURI || '') + ' sample=' + (e.sample || '')
			        + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber);
			  }, true);
			})();
			""";

	/**
	 * After load: fires what a reader's mouse and keyboard would (hover, focus, pointer), opens details
	 * and popovers, waits for timers and animations, then reads the record, the requests the page made to a
	 * {@code /xss} address, and what of the DOM no user content may bring.
	 */
	private static final String SETTLE_AND_READ = """
			const done = arguments[arguments.length - 1];
			const body = document.body;
			const elements = body ? Array.from(body.querySelectorAll('*')).slice(0, 20000) : [];
			for (const el of elements) {
			  for (const type of ['mouseover', 'mouseenter', 'pointerenter', 'pointerover']) {
			    try { el.dispatchEvent(new MouseEvent(type, { bubbles: true })); } catch (e) {}
			  }
			}
			for (const el of document.querySelectorAll('[autofocus], [tabindex], [contenteditable]')) {
			  try { el.focus(); el.blur(); } catch (e) {}
			}
			setTimeout(() => {
			  const found = [];
			  const add = (what, el) => found.push(what + ': ' + (el ? el.outerHTML.slice(0, 200) : ''));
			  const scheme = /^((javascript|vbscript|livescript):|data:(text\\/html|application|image\\/svg))/i;
			  const addresses = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background',
			      'srcset', 'cite', 'ping', 'codebase', 'lowsrc', 'dynsrc', 'content', 'to', 'values', 'from', 'by'];
			  for (const el of document.querySelectorAll('*')) {
			    const inBody = document.body && document.body.contains(el);
			    for (const attribute of Array.from(el.attributes)) {
			      const name = attribute.name.toLowerCase();
			      if (name.startsWith('on')) { add('event handler attribute ' + name, el); }
			      const value = attribute.value.replace(/[\\u0000-\\u0020]/g, '');
			      const picture = el.tagName === 'IMG' && name === 'src' && /^data:image\\//i.test(value);
			      if (inBody && !picture && addresses.includes(name) && scheme.test(value)) { add('dangerous address in ' + name, el); }
			      if (name === 'srcdoc' || name === 'formaction' || name === 'xlink:href') { add('attribute ' + name, el); }
			    }
			  }
			  for (const el of document.querySelectorAll('script')) {
			    const src = el.getAttribute('src') || '';
			    if (!/^\\/js\\/[a-z-]+(-[0-9a-f]{32})?\\.js(\\?.*)?$/.test(src)) { add('script that is not the site\\'s own', el); }
			  }
			  for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, portal, base, meta[http-equiv], link[rel=import], body link, body style, body meta')) {
			    add('element ' + el.tagName.toLowerCase(), el);
			  }
			  for (const el of document.querySelectorAll('.prose form, .prose input, .prose button, .prose textarea, .prose select, .prose svg, .prose math, .hit-snippet *:not(mark), .hit-title a *:not(mark)')) {
			    add('element in user content ' + el.tagName.toLowerCase(), el);
			  }
			  const requests = performance.getEntriesByType('resource').map(r => r.name).filter(n => /\\/xss(\\.|\\?|\\/|$)/.test(n));
			  done({ events: (window.__xss || []).slice(), requests: requests, dom: found, url: location.href,
			         hooked: window.__xssHooked === true, elements: elements.length });
			}, %d);
			""";

	private final ChromeDriver driver;

	private final String identifier;

	XssDetector(ChromeDriver driver) {
		this.driver = driver;
		Map<String, Object> added = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", HOOKS));
		this.identifier = (String) added.get("identifier");
	}

	/** What a page did and holds, read after it settled for this many milliseconds. */
	@SuppressWarnings("unchecked")
	Seen read(int settleMillis) {
		Map<String, Object> seen = (Map<String, Object>) driver
			.executeAsyncScript(SETTLE_AND_READ.formatted(settleMillis));
		List<String> executions = new ArrayList<>();
		List<String> violations = new ArrayList<>();
		for (Map<String, Object> event : (List<Map<String, Object>>) seen.get("events")) {
			String line = event.get("kind") + "(" + event.get("detail") + ") in " + event.get("where");
			if ("csp".equals(event.get("kind"))) {
				violations.add(line);
			}
			else {
				executions.add(line);
			}
		}
		for (Object request : (List<Object>) seen.get("requests")) {
			executions.add("request to " + request);
		}
		return new Seen(Boolean.TRUE.equals(seen.get("hooked")), String.valueOf(seen.get("url")), executions,
				violations, (List<String>) seen.get("dom"), ((Number) seen.get("elements")).intValue());
	}

	@Override
	public void close() {
		driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", identifier));
	}

	/**
	 * What one page did: whether the hooks were in place, where the browser ended up, scripts run
	 * (dialogs, windows, requests to {@code /xss}), policy violations, and forbidden DOM.
	 */
	record Seen(boolean hooked, String url, List<String> executions, List<String> violations, List<String> dom,
			int elements) {

		boolean clean() {
			return executions.isEmpty() && violations.isEmpty() && dom.isEmpty();
		}
	}
}
