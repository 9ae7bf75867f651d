package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"acedesk/app"
)

// newServer is the hub as plain `serve` runs it: LAN off, the local
// browser only.
func newServer(t *testing.T) (*httptest.Server, *bytes.Buffer, *client) {
	t.Helper()
	th := newTestHub(t, false)
	return th.srv, th.logs, th.local(t)
}

func TestAPICallsTheBoundServices(t *testing.T) {
	_, _, c := newServer(t)
	status, body := c.call("service.MemberService.Create", app.Member{Name: "王喆", Phone: "13800000001"})
	if status != http.StatusOK {
		t.Fatalf("create: %d %s", status, body)
	}
	var m app.Member
	json.Unmarshal(body, &m)
	if m.ID == 0 || m.Name != "王喆" {
		t.Errorf("created %+v", m)
	}
	status, body = c.call("service.MemberService.Search", app.MemberQuery{Text: "喆"})
	var page app.MemberPage
	json.Unmarshal(body, &page)
	if status != http.StatusOK || page.Total != 1 {
		t.Errorf("search: %d %s", status, body)
	}
	status, body = c.call("service.MemberService.Delete", m.ID, m.Version)
	if status != http.StatusOK || strings.TrimSpace(string(body)) != "null" {
		t.Errorf("delete: %d %s, want 200 null", status, body)
	}
}

func TestAPIErrorsCarryCodeReasonAndFields(t *testing.T) {
	_, logs, c := newServer(t)
	c.call("service.MemberService.Create", app.Member{Name: "张三", Phone: "13800000001"})
	for _, tc := range []struct {
		name       string
		method     string
		args       []any
		wantStatus int
		wantCode   app.Code
		wantReason string
	}{
		{"validation", "service.MemberService.Create", []any{app.Member{Phone: "1"}}, 422, app.CodeInvalid, "fields"},
		{"conflict", "service.MemberService.Create", []any{app.Member{Name: "李四", Phone: "13800000001"}}, 409, app.CodeConflict, "phone_taken"},
		{"not found", "service.MemberService.Get", []any{999}, 404, app.CodeNotFound, "member_not_found"},
		{"unknown method", "service.MemberService.Nope", nil, 400, app.CodeInvalid, "bad_request"},
		{"lifecycle-style unexported method", "service.SettingsService.change", nil, 400, app.CodeInvalid, "bad_request"},
		{"wrong argument count", "service.MemberService.Get", nil, 400, app.CodeInvalid, "bad_request"},
		{"wrong argument type", "service.MemberService.Get", []any{"x"}, 400, app.CodeInvalid, "bad_request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := c.call(tc.method, tc.args...)
			var e app.Error
			json.Unmarshal(body, &e)
			if status != tc.wantStatus || e.Code != tc.wantCode || e.Reason != tc.wantReason {
				t.Errorf("got %d %s, want %d %s/%s", status, body, tc.wantStatus, tc.wantCode, tc.wantReason)
			}
		})
	}
	if logs.Len() != 0 {
		t.Errorf("user errors were logged as internal: %s", logs)
	}
}

func TestRequestsFromOtherSitesAreRefused(t *testing.T) {
	for _, lanOn := range []bool{false, true} {
		th := newTestHub(t, lanOn)
		csrf := th.local(t).csrf
		post := func(host, origin, ctype string) (int, string) {
			req, _ := http.NewRequest("POST", th.srv.URL+"/api/call/service.SystemService.Info", strings.NewReader("[]"))
			req.Header.Set("Content-Type", ctype)
			req.Header.Set(CSRFHeader, csrf)
			req.AddCookie(&http.Cookie{Name: LocalKeyCookie, Value: th.hub.localKey})
			if host != "" {
				req.Host = host
			}
			if origin != "" {
				req.Header.Set("Origin", origin)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, refusal(body)
		}
		self := strings.TrimPrefix(th.srv.URL, "http://")
		// By IP address, the hub's own browser is a LAN device like any
		// other: it must pair (401) when LAN is on, and is refused when off.
		byIP, byIPReason := 403, "host"
		if lanOn {
			byIP, byIPReason = 401, "no_session"
		}
		for _, tc := range []struct {
			name, host, origin, ctype string
			want                      int
			wantReason                string
		}{
			{"same origin", "", th.srv.URL, "application/json", 200, ""},
			{"no origin (same-origin fetch)", "", "", "application/json", 200, ""},
			{"localhost name", "localhost:8080", "http://localhost:8080", "application/json", 200, ""},
			{"DNS rebinding host", "evil.example:8080", "", "application/json", 403, "host"},
			{"cross-site origin", self, "http://evil.example", "application/json", 403, "origin"},
			{"https origin on plain http", self, "https://" + self, "application/json", 403, "origin"},
			{"form post", "", "", "application/x-www-form-urlencoded", 415, "bad_request"},
			{"LAN address", lanHost, "", "application/json", byIP, byIPReason},
		} {
			t.Run(fmt.Sprintf("lan %v/%s", lanOn, tc.name), func(t *testing.T) {
				if got, reason := post(tc.host, tc.origin, tc.ctype); got != tc.want || reason != tc.wantReason {
					t.Errorf("status = %d %q, want %d %q", got, reason, tc.want, tc.wantReason)
				}
			})
		}
	}
}

func TestStaticFilesCarrySecurityHeaders(t *testing.T) {
	srv, _, _ := newServer(t)
	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(body), "ACE Desk") {
		t.Errorf("index: %d %s", resp.StatusCode, body)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP = %q", csp)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("missing nosniff")
	}
}

func TestIsLoopbackHost(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"127.0.0.1", true}, {"127.0.0.1:8080", true}, {"127.1.2.3", true}, {"[::1]:80", true}, {"::1", true},
		{"localhost", true}, {"LOCALHOST:1", true}, {"0.0.0.0", false}, {"192.168.1.5:8080", false},
		{"", false}, {"localhost.evil.example", false}, {"[::]:80", false},
	} {
		if got := IsLoopbackHost(tc.in); got != tc.want {
			t.Errorf("IsLoopbackHost(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
