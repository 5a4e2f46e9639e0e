/* Enhancements for assessment attempts. Every page works without this file: the server saves on every button,
   enforces time limits and refuses stale pages. This only saves between clicks and keeps the timer current.
   Loaded on every page (deferred); it does nothing where its elements are absent. Words come from data-*
   attributes the server rendered, so they are translated with the rest of the page. */
(function () {
    'use strict';

    var AUTOSAVE_DELAY_MS = 800;
    var SUBMIT_WAIT_MS = 3000;

    function autosave(form) {
        var url = form.getAttribute('data-autosave');
        var status = form.querySelector('.autosave-status');
        var seq = form.querySelector('input[name="seq"]');
        var timer = 0;
        var inflight = null;
        var again = false;
        var stale = false;
        var resubmitting = false;

        function say(key) {
            if (status) {
                status.textContent = key ? status.getAttribute('data-' + key) || '' : '';
                status.className = 'autosave-status' + (key ? ' is-' + key : '');
            }
        }

        function save() {
            timer = 0;
            if (stale) {
                return;
            }
            if (inflight) {
                again = true; // one request at a time; the next one carries whatever changed meanwhile
                return;
            }
            var data = new FormData(form);
            data.set('go', 'autosave');
            inflight = fetch(url, {
                method: 'POST',
                body: data,
                credentials: 'same-origin',
                headers: { 'Accept': 'application/json' }
            }).then(function (response) {
                if (response.status === 409) {
                    // The server says why: "stale" (a newer save exists), "expired" or "submitted". Stop saving either way.
                    stale = true;
                    return response.json().then(function (json) {
                        var reason = json && json.status;
                        say(reason === 'expired' || reason === 'submitted' ? reason : 'conflict');
                    }, function () {
                        say('conflict');
                    });
                }
                if (!response.ok) {
                    say('failed');
                    return null;
                }
                return response.json().then(function (json) {
                    if (json && typeof json.seq === 'number' && seq) {
                        seq.value = String(json.seq);
                    }
                    say('saved');
                });
            }).catch(function () {
                say('failed');
            }).then(function () {
                inflight = null;
                if (again) {
                    again = false;
                    schedule();
                }
            });
        }

        function schedule() {
            if (stale) {
                return;
            }
            say(null); // cleared now so the next "Saved" is announced again
            clearTimeout(timer);
            timer = setTimeout(save, AUTOSAVE_DELAY_MS);
        }

        form.addEventListener('change', schedule);

        form.addEventListener('submit', function (event) {
            clearTimeout(timer);
            timer = 0;
            again = false;
            if (!inflight || resubmitting || !event.submitter) {
                return; // the normal submission carries every answer anyway
            }
            // A save is on its way: let it return its sequence number first, so this post is not taken for a stale page.
            event.preventDefault();
            resubmitting = true;
            var submitter = event.submitter;
            var go = function () { submitter.click(); };
            Promise.race([inflight, new Promise(function (resolve) { setTimeout(resolve, SUBMIT_WAIT_MS); })]).then(go, go);
        });
    }

    // Time is up: the server accepts nothing more, so the buttons that would post answers look and act disabled.
    function expire() {
        Array.prototype.forEach.call(document.querySelectorAll('form.attempt-form'), function (form) {
            form.classList.add('is-expired');
            Array.prototype.forEach.call(form.querySelectorAll('.attempt-actions button, button.button--submit'), function (button) {
                button.disabled = true;
            });
        });
    }

    function countdown(element) {
        var deadline = Date.parse(element.getAttribute('data-deadline'));
        var serverNow = Date.parse(element.getAttribute('data-now'));
        var value = element.querySelector('.countdown__value');
        var alert = element.querySelector('.countdown__alert');
        if (isNaN(deadline) || !value) {
            return;
        }
        // Count from the server's clock: the learner's computer may be minutes off.
        var skew = isNaN(serverNow) ? 0 : serverNow - Date.now();
        var warned = false;
        var interval = 0;

        function pad(n) {
            return n < 10 ? '0' + n : String(n);
        }

        function announce(text) {
            if (alert) {
                alert.textContent = text || '';
            }
        }

        function tick() {
            var left = Math.max(0, Math.ceil((deadline - (Date.now() + skew)) / 1000));
            if (left === 0) {
                value.textContent = element.getAttribute('data-expired') || '0:00';
                element.classList.add('is-expired');
                expire();
                announce(element.getAttribute('data-expired'));
                clearInterval(interval);
                return;
            }
            var hours = Math.floor(left / 3600);
            var minutes = Math.floor((left % 3600) / 60);
            var seconds = left % 60;
            value.textContent = (hours > 0 ? hours + ':' + pad(minutes) : String(minutes)) + ':' + pad(seconds);
            if (left <= 300 && !warned) {
                warned = true;
                element.classList.add('is-ending');
                announce(element.getAttribute('data-warning'));
            }
        }

        tick();
        interval = setInterval(tick, 1000);
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll('form.attempt-form[data-autosave]'), autosave);
        Array.prototype.forEach.call(document.querySelectorAll('.countdown[data-deadline]'), countdown);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
