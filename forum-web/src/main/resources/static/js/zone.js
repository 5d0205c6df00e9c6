// Tells the server the reader's time zone once, so that times are shown in it before the member
// has chosen one on their profile. Without JavaScript, times follow the language's default zone.
(function () {
	try {
		var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (zone && document.cookie.indexOf('forum_tz=' + encodeURIComponent(zone)) === -1) {
			document.cookie = 'forum_tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
		}
	} catch (e) {
		// an old browser without Intl keeps the default zone
	}
})();
