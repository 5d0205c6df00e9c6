// The launch pages keep themselves current without a reload: the slots left (polled from the public
// JSON API), countdowns to the member's window and the opening, and the staff's figures panel (the
// page fetched again). Without JavaScript the server-rendered figures and times stand as they are.
(function () {
	var lang = document.documentElement.lang || 'en';
	var numbers = window.Intl ? new Intl.NumberFormat(lang) : null;
	var POLL_MS = 4000;

	function number(n) {
		return numbers ? numbers.format(n) : String(n);
	}

	var slots = document.getElementById('slots-left');
	if (slots && slots.getAttribute('data-poll') && window.fetch) {
		setInterval(function () {
			fetch(slots.getAttribute('data-poll'), { headers: { 'Accept': 'application/json' }, credentials: 'omit' })
				.then(function (response) { return response.ok ? response.json() : null; })
				.then(function (launch) {
					var text = launch ? number(launch.slotsLeft) : null;
					// only a change is written, so screen readers announce changes and nothing else
					if (text !== null && slots.textContent !== text) {
						slots.textContent = text;
					}
				})
				.catch(function () { /* the next poll tries again */ });
		}, POLL_MS);
	}

	function two(n) {
		return (n < 10 ? '0' : '') + n;
	}

	var countdowns = document.querySelectorAll('[data-countdown]');
	if (countdowns.length) {
		var tick = function () {
			var now = Date.now();
			countdowns.forEach(function (element) {
				var left = Math.max(0, Math.floor((Date.parse(element.getAttribute('data-countdown')) - now) / 1000));
				var days = Math.floor(left / 86400);
				var clock = two(Math.floor(left % 86400 / 3600)) + ':' + two(Math.floor(left % 3600 / 60)) + ':' + two(left % 60);
				element.textContent = (days > 0 ? element.getAttribute('data-days').replace('{0}', days) + ' ' : '') + clock;
				if (element.getAttribute('data-ran') === null) {
					element.setAttribute('data-ran', left > 0 ? 'ahead' : 'over');
				}
				// the member's window just opened while they watched: the page the server renders now offers
				// the Reserve button (a clock running ahead of the server's gets one reload, never a loop)
				if (left === 0 && element.getAttribute('data-ran') === 'ahead' && element.getAttribute('data-reload') === 'true'
						&& !element.getAttribute('data-reloaded')) {
					element.setAttribute('data-reloaded', 'true');
					setTimeout(function () { window.location.reload(); }, 1000);
				}
			});
		};
		tick();
		setInterval(tick, 1000);
	}

	var panel = document.querySelector('[data-refresh]');
	if (panel && window.fetch && window.DOMParser) {
		setInterval(function () {
			fetch(window.location.pathname, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
				.then(function (response) { return response.ok ? response.text() : null; })
				.then(function (html) {
					var fresh = html && new DOMParser().parseFromString(html, 'text/html').getElementById(panel.id);
					if (fresh) {
						panel.innerHTML = fresh.innerHTML;
					}
				})
				.catch(function () { /* the next refresh tries again */ });
		}, POLL_MS);
	}
})();
