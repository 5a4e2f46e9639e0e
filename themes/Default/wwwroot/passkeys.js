/* Passkeys on the account pages. The server renders plain forms marked data-passkey="create" (add a passkey) or
   "request" (sign in), hidden; this script shows them when the browser can use passkeys, asks the form's
   data-passkey-options endpoint for the options JSON that ASP.NET Core Identity makes (with the form's antiforgery
   token), hands them to navigator.credentials, and posts the answer in the form's "credential" field. On the sign-in
   page it also offers the site's passkeys in the email field's autofill (conditional mediation). Without this script
   the forms stay hidden and accounts sign in with password and authenticator code. */
(function () {
    'use strict';
    var forms = document.querySelectorAll('form[data-passkey]');
    if (!forms.length) {
        return;
    }
    var supported = typeof window.PublicKeyCredential === 'function' && !!navigator.credentials &&
        typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function' &&
        typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';
    if (!supported) {
        return;
    }
    document.querySelectorAll('[data-passkey-note]').forEach(function (note) { note.hidden = true; });

    function fetchOptions(form, signal) {
        var body = new FormData();
        var token = form.querySelector('input[name="__RequestVerificationToken"]');
        body.append('__RequestVerificationToken', token ? token.value : '');
        return fetch(form.getAttribute('data-passkey-options'), { method: 'POST', body: body, credentials: 'same-origin', signal: signal })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('The server answered ' + response.status + '.');
                }
                return response.json();
            });
    }

    function obtain(form, mediation, signal) {
        return fetchOptions(form, signal).then(function (json) {
            if (form.getAttribute('data-passkey') === 'create') {
                return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json), signal: signal });
            }
            var request = { publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json), signal: signal };
            if (mediation) {
                request.mediation = mediation;
            }
            return navigator.credentials.get(request);
        });
    }

    function send(form, credential) {
        form.querySelector('input[name="credential"]').value = JSON.stringify(credential);
        form.submit();
    }

    forms.forEach(function (form) {
        var error = form.querySelector('[data-passkey-error]');
        var controller = null;
        // The autofill request's options, once asked for: a click waits for them, so its own challenge is the last one made.
        var pending = Promise.resolve();
        form.hidden = false;

        form.addEventListener('submit', function (event) {
            event.preventDefault();
            if (error) {
                error.hidden = true;
            }
            if (controller) {
                controller.abort();
            }
            var own = new AbortController();
            controller = own;
            pending.then(function () {
                return obtain(form, undefined, own.signal);
            }).then(function (credential) {
                send(form, credential);
            }).catch(function (e) {
                if (e && e.name === 'AbortError') {
                    return;
                }
                if (window.console) {
                    console.error(e);
                }
                if (error) {
                    error.hidden = false;
                }
            });
        });

        if (form.getAttribute('data-passkey') === 'request' && typeof PublicKeyCredential.isConditionalMediationAvailable === 'function') {
            pending = PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
                if (!available || controller) {
                    return;
                }
                var auto = new AbortController();
                controller = auto;
                return fetchOptions(form, auto.signal).then(function (json) {
                    navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json), mediation: 'conditional', signal: auto.signal })
                        .then(function (credential) { send(form, credential); })
                        .catch(function () { /* cancelled, or the user typed a password instead */ });
                });
            }).catch(function () { /* autofill is only a convenience */ });
        }
    });
}());
