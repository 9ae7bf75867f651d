package web

import (
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/store"
)

func newServer(t *testing.T) (*httptest.Server, *bytes.Buffer) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := app.NewServices(st, apptest.NewClock(apptest.Start), "lead")
	var logs bytes.Buffer
	assets := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>ACE Desk</title>")}}
	srv := httptest.NewServer(Handler(NewDispatcher(svc.Bindings()...), assets, log.New(&logs, "", 0)))
	t.Cleanup(srv.Close)
	return srv, &logs
}

func call(t *testing.T, srv *httptest.Server, name string, args ...any) (int, []byte) {
	t.Helper()
	body, _ := json.Marshal(args)
	resp, err := http.Post(srv.URL+"/api/call/"+name, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

func TestAPICallsTheBoundServices(t *testing.T) {
	srv, _ := newServer(t)
	status, body := call(t, srv, "app.MemberService.Create", app.Member{Name: "王喆", Phone: "13800000001"})
	if status != http.StatusOK {
		t.Fatalf("create: %d %s", status, body)
	}
	var m app.Member
	json.Unmarshal(body, &m)
	if m.ID == 0 || m.Name != "王喆" {
		t.Errorf("created %+v", m)
	}
	status, body = call(t, srv, "app.MemberService.Search", app.MemberQuery{Text: "喆"})
	var page app.MemberPage
	json.Unmarshal(body, &page)
	if status != http.StatusOK || page.Total != 1 {
		t.Errorf("search: %d %s", status, body)
	}
	status, body = call(t, srv, "app.MemberService.Delete", m.ID, m.Version)
	if status != http.StatusOK || strings.TrimSpace(string(body)) != "null" {
		t.Errorf("delete: %d %s, want 200 null", status, body)
	}
}

func TestAPIErrorsCarryCodeReasonAndFields(t *testing.T) {
	srv, logs := newServer(t)
	call(t, srv, "app.MemberService.Create", app.Member{Name: "张三", Phone: "13800000001"})
	for _, tc := range []struct {
		name       string
		method     string
		args       []any
		wantStatus int
		wantCode   app.Code
		wantReason string
	}{
		{"validation", "app.MemberService.Create", []any{app.Member{Phone: "1"}}, 422, app.CodeInvalid, "fields"},
		{"conflict", "app.MemberService.Create", []any{app.Member{Name: "李四", Phone: "13800000001"}}, 409, app.CodeConflict, "phone_taken"},
		{"not found", "app.MemberService.Get", []any{999}, 404, app.CodeNotFound, "member_not_found"},
		{"unknown method", "app.MemberService.Nope", nil, 400, app.CodeInvalid, "bad_request"},
		{"lifecycle-style unexported method", "app.SettingsService.change", nil, 400, app.CodeInvalid, "bad_request"},
		{"wrong argument count", "app.MemberService.Get", nil, 400, app.CodeInvalid, "bad_request"},
		{"wrong argument type", "app.MemberService.Get", []any{"x"}, 400, app.CodeInvalid, "bad_request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := call(t, srv, tc.method, tc.args...)
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
	srv, _ := newServer(t)
	post := func(host, origin, ctype string) int {
		req, _ := http.NewRequest("POST", srv.URL+"/api/call/app.SystemService.Info", strings.NewReader("[]"))
		req.Header.Set("Content-Type", ctype)
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
		resp.Body.Close()
		return resp.StatusCode
	}
	self := strings.TrimPrefix(srv.URL, "http://")
	for _, tc := range []struct {
		name, host, origin, ctype string
		want                      int
	}{
		{"same origin", "", srv.URL, "application/json", 200},
		{"no origin (same-origin fetch)", "", "", "application/json", 200},
		{"localhost name", "localhost:8080", "http://localhost:8080", "application/json", 200},
		{"DNS rebinding host", "evil.example:8080", "", "application/json", 403},
		{"cross-site origin", self, "http://evil.example", "application/json", 403},
		{"form post", "", "", "application/x-www-form-urlencoded", 415},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := post(tc.host, tc.origin, tc.ctype); got != tc.want {
				t.Errorf("status = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestStaticFilesCarrySecurityHeaders(t *testing.T) {
	srv, _ := newServer(t)
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
