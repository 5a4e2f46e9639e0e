/* Tells the server the browser's time zone (cookie "tz", an IANA name such as "Europe/Bucharest"), so pages show
   times in the learner's zone. Without this script every time shows in UTC; the UTC time is always on hover. */
(function () {
    'use strict';
    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }
    if (!zone || zone.length > 64) {
        return;
    }
    var current = document.cookie.split('; ').filter(function (c) { return c.indexOf('tz=') === 0; })[0];
    if (current && decodeURIComponent(current.slice(3)) === zone) {
        return;
    }
    var secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax' + secure;
}());
