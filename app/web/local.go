package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"

	"acedesk/app"
)

// Browser mode on this computer opens with a secret made at each launch,
// as notebook servers do: loopback answers every account on the machine,
// and without the secret another user could read the roster or make an
// admin pairing code. serve prints (and opens) the address with the key;
// the first page load trades it for an HttpOnly cookie and drops it from
// the address bar. Scripts may send it as "Authorization: Bearer <key>".
// The desktop window calls the services directly and needs none.
const (
	LocalKeyParam  = "key"
	LocalKeyCookie = "acedesk_local"
)

var errLocalKey = app.Errorf(app.CodeUnauthorized, "local_key_missing",
	"open ACE Desk with the address that started it (acedesk serve prints it, with its key)")

func newLocalKey() string {
	raw := make([]byte, 32)
	rand.Read(raw)
	return base64.RawURLEncoding.EncodeToString(raw)
}

// LocalURL is base (http://127.0.0.1:8080/) with this launch's key.
func (h *Hub) LocalURL(base string) string {
	return base + "?" + LocalKeyParam + "=" + h.localKey
}

// hasLocalKey reports whether r carries this launch's key, in the cookie
// or the Authorization header.
func (h *Hub) hasLocalKey(r *http.Request) bool {
	got := ""
	if c, err := r.Cookie(LocalKeyCookie); err == nil {
		got = c.Value
	} else if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		got = bearer
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(h.localKey)) == 1
}

// admitLocal trades the key in the address of a page loaded on this
// computer for the cookie, and sends the browser to the same page without
// it (the fragment, the app's route, stays). Anything else is the page as
// it is: the shell, which says how to get in when the API refuses it.
func (h *Hub) admitLocal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.Query().Get(LocalKeyParam)
		if key == "" || !isLocal(r) || subtle.ConstantTimeCompare([]byte(key), []byte(h.localKey)) != 1 {
			next.ServeHTTP(w, r)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: LocalKeyCookie, Value: h.localKey, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
	})
}
