package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestThisComputersBrowserNeedsTheLaunchKey: loopback answers every
// account on the machine; without the key serve printed, a browser there
// gets the page and a refusal that says how to get in, and can neither
// read the roster nor make a pairing code.
func TestThisComputersBrowserNeedsTheLaunchKey(t *testing.T) {
	th := newTestHub(t, true)
	other := &client{t: t, th: th}
	expectAnswers(t, other, "without the key", []request{
		{"GET", "/", nil, 200, ""},
		{"GET", "/api/session", nil, 401, "local_key_missing"},
		{"POST", "/api/call/service.MemberService.Search", []any{map[string]any{}}, 401, "local_key_missing"},
		{"POST", "/api/call/web.LanService.NewPairingCode", []any{"admin"}, 401, "local_key_missing"},
	})
	wrong := &client{t: t, th: th, localKey: "AAAA" + th.hub.localKey[4:]}
	if status, body, _ := wrong.send("GET", "/api/session", nil); status != 401 || refusal(body) != "local_key_missing" {
		t.Errorf("with a wrong key: %d %s", status, body)
	}

	// The printed address trades the key for an HttpOnly cookie and drops
	// it from the address bar.
	printed, err := url.Parse(th.hub.LocalURL(th.srv.URL + "/"))
	if err != nil {
		t.Fatal(err)
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noRedirect.Get(printed.String())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == LocalKeyCookie {
			cookie = c
		}
	}
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" || cookie == nil || !cookie.HttpOnly ||
		cookie.SameSite != http.SameSiteStrictMode || cookie.Value != th.hub.localKey {
		t.Fatalf("the printed address: %d to %q, cookie %+v; want a redirect to / with an HttpOnly, SameSite=Strict cookie",
			resp.StatusCode, resp.Header.Get("Location"), cookie)
	}
	withCookie := &client{t: t, th: th, localKey: cookie.Value}
	if info := withCookie.sessionInfo(); !info.Local {
		t.Errorf("with the cookie the session is %+v, want the hub's own", info)
	}
	// Scripts send the key as a bearer token.
	req, _ := http.NewRequest("GET", th.srv.URL+"/api/session", nil)
	req.Header.Set("Authorization", "Bearer "+th.hub.localKey)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("with the key as a bearer token: %v, %v", resp, err)
	}
	// The key in a LAN address is not the hub's: a phone must pair.
	lan := &client{t: t, th: th, host: lanHost, localKey: th.hub.localKey}
	if status, body, _ := lan.send("GET", "/api/session", nil); status != 401 || refusal(body) != "no_session" {
		t.Errorf("the key over the LAN: %d %s, want 401 no_session", status, body)
	}
	if !strings.Contains(printed.RawQuery, LocalKeyParam+"=") {
		t.Errorf("LocalURL = %s, want the key in the query", printed)
	}
}
