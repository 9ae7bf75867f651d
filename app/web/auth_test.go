package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
)

func TestPairingCodesAreOneUseShortLivedAndVoidTheOldOne(t *testing.T) {
	th := newTestHub(t, true)
	dev := &client{t: t, th: th, host: lanHost}
	pair := func(code string) (int, string) {
		status, body, _ := dev.send("POST", "/api/pair", pairRequest{Code: code, Device: "门口 1"})
		return status, refusal(body)
	}
	code := func(role string) string {
		pc, err := th.hub.Lan.NewPairingCode(role)
		if err != nil {
			t.Fatal(err)
		}
		if len(pc.Code) != 6 || strings.Trim(pc.Code, "0123456789") != "" {
			t.Fatalf("code %q is not 6 digits", pc.Code)
		}
		return pc.Code
	}
	first := code(app.RoleDesk)
	second := code(app.RoleViewer)
	for _, tc := range []struct {
		name       string
		code       func() string
		wantStatus int
		wantReason string
	}{
		{"the voided first code", func() string { return first }, 422, "pair_code_wrong"},
		{"the live second code", func() string { return second }, 200, ""},
		{"the second code again", func() string { return second }, 422, "pair_code_wrong"},
		{"an expired code", func() string {
			c := code(app.RoleDesk)
			th.clock.Set(th.clock.Now().Add(PairingLifetime))
			return c
		}, 422, "pair_code_wrong"},
		{"a code made after expiry", func() string { return code(app.RoleAdmin) }, 200, ""},
	} {
		if status, reason := pair(tc.code()); status != tc.wantStatus || reason != tc.wantReason {
			t.Errorf("%s: %d %q, want %d %q", tc.name, status, reason, tc.wantStatus, tc.wantReason)
		}
	}
	if _, err := th.hub.Lan.NewPairingCode("root"); app.AsError(err).Reason != "unknown_role" {
		t.Errorf("role root: %v, want unknown_role", err)
	}
	devices, _ := th.hub.Lan.Devices()
	if len(devices) != 2 || devices[0].Role != app.RoleViewer || devices[1].Role != app.RoleAdmin {
		t.Errorf("devices = %+v, want a viewer then an admin (the role of each code)", devices)
	}
}

func TestWrongPairingCodesAreRateLimitedPerAddressAndBurnTheCode(t *testing.T) {
	th := newTestHub(t, true)
	a := th.hub.auth
	good, _ := a.newCode(app.RoleDesk)
	wrong := "x"
	// Five wrong tries from one address block it for a minute.
	for i := range maxWrongPerIP {
		if _, _, err := a.pair("10.0.0.1", wrong, "p"); app.AsError(err).Reason != "pair_code_wrong" {
			t.Fatalf("try %d: %v", i+1, err)
		}
	}
	_, _, err := a.pair("10.0.0.1", good.Code, "p")
	if e := app.AsError(err); e.Reason != "pair_rate_limited" || e.Params["seconds"] == "" {
		t.Fatalf("sixth try from the same address: %v, want pair_rate_limited with seconds", err)
	}
	// Another address is not blocked; after a minute the first is not either.
	for _, tc := range []struct {
		name, addr, code string
		advance          time.Duration
		wantReason       string
	}{
		{"another address, wrong", "10.0.0.2", wrong, 0, "pair_code_wrong"},
		{"first address after a minute, wrong", "10.0.0.1", wrong, wrongWindow, "pair_code_wrong"},
	} {
		th.clock.Set(th.clock.Now().Add(tc.advance))
		if _, _, err := a.pair(tc.addr, tc.code, "p"); app.AsError(err).Reason != tc.wantReason {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.wantReason)
		}
	}
	// Seven wrong tries so far; three more from fresh addresses burn it.
	for i := range maxWrongPerCode - maxWrongPerIP - 2 {
		a.pair("10.0.1."+string(rune('1'+i)), wrong, "p")
	}
	if _, _, err := a.pair("10.0.2.1", good.Code, "p"); app.AsError(err).Reason != "pair_code_wrong" {
		t.Errorf("the right code after %d wrong tries: %v, want pair_code_wrong (burned)", maxWrongPerCode, err)
	}
	fresh, _ := a.newCode(app.RoleDesk)
	if _, _, err := a.pair("10.0.2.1", fresh.Code, "p"); err != nil {
		t.Errorf("a new code after the burn: %v", err)
	}
}

func TestPairingRateLimitOverHTTPSaysHowLongToWait(t *testing.T) {
	th := newTestHub(t, true)
	th.hub.Lan.NewPairingCode(app.RoleDesk)
	dev := &client{t: t, th: th, host: lanHost}
	var status int
	var body []byte
	for range maxWrongPerIP + 1 {
		status, body, _ = dev.send("POST", "/api/pair", pairRequest{Code: "000000x", Device: "门口"})
	}
	if status != http.StatusTooManyRequests || refusal(body) != "pair_rate_limited" || !strings.Contains(string(body), `"seconds"`) {
		t.Errorf("after %d wrong codes: %d %s, want 429 pair_rate_limited with seconds", maxWrongPerIP, status, body)
	}
}

func TestPairingChecksTheDeviceName(t *testing.T) {
	th := newTestHub(t, true)
	dev := &client{t: t, th: th, host: lanHost}
	for _, tc := range []struct {
		name, device, want string
	}{
		{"empty", "  ", "required"},
		{"control character", "门口\n1", "invalid_device"},
		{"41 characters", strings.Repeat("门", 41), "invalid_device"},
	} {
		pc, _ := th.hub.Lan.NewPairingCode(app.RoleDesk)
		status, body, _ := dev.send("POST", "/api/pair", pairRequest{Code: pc.Code, Device: tc.device})
		if status != 422 || !strings.Contains(string(body), `"device":"`+tc.want+`"`) {
			t.Errorf("%s: %d %s, want 422 device %s", tc.name, status, body, tc.want)
		}
	}
	if devices, _ := th.hub.Lan.Devices(); len(devices) != 0 {
		t.Errorf("bad names paired %d devices", len(devices))
	}
}

func TestSessionsCookiesAndTheirEnd(t *testing.T) {
	th := newTestHub(t, true)
	pc, _ := th.hub.Lan.NewPairingCode(app.RoleDesk)
	dev := &client{t: t, th: th, host: lanHost}
	status, body, resp := dev.send("POST", "/api/pair", pairRequest{Code: pc.Code, Device: "门口 1"})
	if status != 200 {
		t.Fatalf("pair: %d %s", status, body)
	}
	var ck *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == SessionCookie {
			ck = c
		}
	}
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/" || ck.Secure || len(ck.Value) != 43 {
		t.Fatalf("cookie = %+v, want HttpOnly SameSite=Strict Path=/ (not Secure over http), 32 random bytes", ck)
	}
	dev.cookie = ck.Value
	info := dev.sessionInfo()
	paired, _ := th.hub.Lan.Devices()
	if info.Role != app.RoleDesk || info.Device != "门口 1" || info.Local || !info.LAN || info.CSRF == "" ||
		info.ExpiresAt == nil || !info.ExpiresAt.Equal(paired[0].PairedAt.Add(SessionLifetime)) {
		t.Errorf("session = %+v", info)
	}
	if local := th.local(t).sessionInfo(); local.Role != app.RoleAdmin || !local.Local || !local.LAN || local.CSRF == info.CSRF {
		t.Errorf("local session = %+v", local)
	}
	other := th.paired(t, app.RoleDesk, "门口 2")
	third := th.paired(t, app.RoleDesk, "门口 3")
	devices, _ := th.hub.Lan.Devices()
	if err := th.hub.Lan.Revoke(devices[1].ID); err != nil {
		t.Fatal(err)
	}
	// A logout without the page's CSRF token (another site's form) is refused.
	forged := *third
	forged.csrf = ""
	if status, body, _ := forged.send("POST", "/api/logout", struct{}{}); status != 403 || refusal(body) != "csrf" {
		t.Errorf("logout without the CSRF token: %d %s, want 403 csrf", status, body)
	}
	third.send("POST", "/api/logout", struct{}{})
	if raw := th.logs.String(); strings.Contains(raw, ck.Value) || strings.Contains(raw, pc.Code) {
		t.Error("a token or pairing code reached the log")
	}
	th.clock.Set(apptest.Start.Add(SessionLifetime).Add(time.Second))
	for _, tc := range []struct {
		name       string
		c          *client
		cookie     string
		wantStatus int
		wantReason string
	}{
		{"expired after 24 h", dev, ck.Value, 401, "session_expired"},
		{"revoked", other, other.cookie, 401, "session_revoked"},
		{"logged out", third, third.cookie, 401, "no_session"},
		{"a made-up token", dev, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 401, "no_session"},
		{"no cookie", dev, "", 401, "no_session"},
	} {
		tc.c.cookie = tc.cookie
		status, body, _ := tc.c.send("GET", "/api/session", nil)
		if status != tc.wantStatus || refusal(body) != tc.wantReason {
			t.Errorf("%s: %d %s, want %d %s", tc.name, status, body, tc.wantStatus, tc.wantReason)
		}
	}
	if devices, _ := th.hub.Lan.Devices(); len(devices) != 2 {
		t.Errorf("after a logout %d devices are listed, want 2 (the logged-out one forgotten)", len(devices))
	}
}

func TestCallsNeedTheSessionsOwnCSRFToken(t *testing.T) {
	th := newTestHub(t, true)
	a := th.paired(t, app.RoleAdmin, "A")
	b := th.paired(t, app.RoleAdmin, "B")
	local := th.local(t)
	for _, tc := range []struct {
		name       string
		c          *client
		csrf       string
		wantStatus int
	}{
		{"own token", a, a.csrf, 200},
		{"no token", a, "", 403},
		{"another device's token", a, b.csrf, 403},
		{"the hub's token", a, local.csrf, 403},
		{"local, own token", local, local.csrf, 200},
		{"local, no token", local, "", 403},
	} {
		c := *tc.c
		c.csrf = tc.csrf
		status, body := c.call("service.SystemService.Info")
		if status != tc.wantStatus || (status == 403 && refusal(body) != "csrf") {
			t.Errorf("%s: %d %s, want %d", tc.name, status, body, tc.wantStatus)
		}
	}
}

func TestAnonymousLANVisitorsGetOnlyThePageThePairingAndTheSession(t *testing.T) {
	th := newTestHub(t, true)
	anon := &client{t: t, th: th, host: lanHost}
	expectAnswers(t, anon, "anonymous", []request{
		{"GET", "/", nil, 200, ""},
		{"GET", "/api/session", nil, 401, "no_session"},
		{"POST", "/api/call/service.SystemService.Info", []any{}, 401, "no_session"},
		{"POST", "/api/pair", pairRequest{Code: "123456", Device: "x"}, 422, "pair_code_wrong"},
		{"POST", "/api/logout", struct{}{}, 204, ""},
		{"POST", "/api/logout", nil, 415, "bad_request"},
	})
}
