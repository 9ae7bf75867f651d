package web

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"testing/fstest"

	"acedesk/app"
	"acedesk/app/apptest"
	"acedesk/app/apptest/wired"
	"acedesk/app/service"
	"acedesk/store"
)

// lanHost is how a paired device names the hub: an IP address, so the
// request is not local even though httptest's peer is loopback.
const lanHost = "192.168.1.5:8443"

// testHub is a hub over a real bbolt file, served by httptest.
type testHub struct {
	hub   *Hub
	store *store.Store
	svc   *service.Services
	clock *apptest.Clock
	srv   *httptest.Server
	logs  *bytes.Buffer
}

func newTestHub(t *testing.T, lanOn bool) *testHub {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := apptest.NewClock(apptest.Start)
	svc := service.New(st, clock, "lead", wired.Ports())
	var logs bytes.Buffer
	assets := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>ACE Desk</title>")}}
	hub := NewHub(Config{Services: svc, Repo: st, Clock: clock, Codes: wired.Ports().Codes, Assets: assets, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	hub.lanOn.Store(lanOn)
	srv := httptest.NewServer(hub.Handler())
	t.Cleanup(srv.Close)
	return &testHub{hub: hub, store: st, svc: svc, clock: clock, srv: srv, logs: &logs}
}

// client is one browser: the hub's own (local) or a device on the LAN.
type client struct {
	t      *testing.T
	th     *testHub
	host   string // "" for the server's own loopback address
	origin string
	cookie string
	csrf   string
	// localKey is the launch key this machine's browser got from the
	// address serve printed ("" for a browser without it).
	localKey string
}

func (th *testHub) local(t *testing.T) *client {
	c := &client{t: t, th: th, localKey: th.hub.localKey}
	c.csrf = c.sessionInfo().CSRF
	return c
}

// paired pairs a new device of role through POST /api/pair.
func (th *testHub) paired(t *testing.T, role, name string) *client {
	t.Helper()
	pc, err := th.hub.Lan.NewPairingCode(role)
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, th: th, host: lanHost}
	status, body, resp := c.send("POST", "/api/pair", pairRequest{Code: pc.Code, Device: name})
	if status != 200 {
		t.Fatalf("pair: %d %s", status, body)
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == SessionCookie {
			c.cookie = ck.Value
		}
	}
	var info SessionInfo
	json.Unmarshal(body, &info)
	c.csrf = info.CSRF
	return c
}

func (c *client) sessionInfo() SessionInfo {
	c.t.Helper()
	status, body, _ := c.send("GET", "/api/session", nil)
	if status != 200 {
		c.t.Fatalf("session: %d %s", status, body)
	}
	var info SessionInfo
	json.Unmarshal(body, &info)
	return info
}

// send makes one request as this client; body is sent as JSON when not nil.
func (c *client) send(method, path string, body any) (int, []byte, *http.Response) {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		r = bytes.NewReader(data)
	}
	req, _ := http.NewRequest(method, c.th.srv.URL+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.host != "" {
		req.Host = c.host
	}
	if c.origin != "" {
		req.Header.Set("Origin", c.origin)
	}
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: SessionCookie, Value: c.cookie})
	}
	if c.localKey != "" {
		req.AddCookie(&http.Cookie{Name: LocalKeyCookie, Value: c.localKey})
	}
	if c.csrf != "" {
		req.Header.Set(CSRFHeader, c.csrf)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out, resp
}

// call calls a bound method with the arguments as a JSON array.
func (c *client) call(name string, args ...any) (int, []byte) {
	c.t.Helper()
	if args == nil {
		args = []any{}
	}
	status, body, _ := c.send("POST", "/api/call/"+name, args)
	return status, body
}

// refusal decodes an error body's reason.
func refusal(body []byte) string {
	var e app.Error
	json.Unmarshal(body, &e)
	return e.Reason
}

// request is one request a client sends and the answer it must get.
type request struct {
	method, path string
	body         any
	wantStatus   int
	wantReason   string
}

// expectAnswers sends each request as c (who, in errors) and checks the
// status and the reason of the answer.
func expectAnswers(t *testing.T, c *client, who string, reqs []request) {
	t.Helper()
	for _, r := range reqs {
		status, body, _ := c.send(r.method, r.path, r.body)
		if status != r.wantStatus || refusal(body) != r.wantReason {
			t.Errorf("%s, %s %s: %d %s, want %d %s", who, r.method, r.path, status, body, r.wantStatus, r.wantReason)
		}
	}
}
