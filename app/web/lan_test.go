package web

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"image/png"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"

	goqr "github.com/piglig/go-qr"
)

// decodeQR reads the text of a PNG data URL's QR code.
func decodeQR(t *testing.T, dataURL string) string {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(dataURL, "data:image/png;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	text, err := goqr.Decode(img)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

func TestLanModeOverTLSKeepsItsCertificateAndPairsWithSecureCookies(t *testing.T) {
	th := newTestHub(t, false)
	lan := th.hub.Lan
	st, err := lan.Start(LanOptions{Listen: "127.0.0.1:0", TLS: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lan.Stop() })
	if !st.On || !st.TLS || len(st.URLs) != 1 || !strings.HasPrefix(st.URLs[0], "https://127.0.0.1:") ||
		st.PairURL != st.URLs[0]+"#/pair" || len(st.Fingerprint) != 32*3-1 {
		t.Fatalf("status = %+v", st)
	}
	if got := decodeQR(t, st.QRPNG); got != st.PairURL {
		t.Errorf("the QR code reads %q, want %q", got, st.PairURL)
	}
	certPath := th.store.Path() + ".lan-tls.pem"
	if fi, err := os.Stat(certPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("certificate file: %v %v, want mode 0600", fi, err)
	}
	// Whoever connects sees the certificate whose fingerprint the hub shows.
	var seen *x509.Certificate
	httpsClient := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error { seen = cs.PeerCertificates[0]; return nil }}}}
	pc, err := lan.NewPairingCode(app.RoleDesk)
	if err != nil {
		t.Fatal(err)
	}
	if pc.PairURL != st.PairURL+"?code="+pc.Code || decodeQR(t, pc.QRPNG) != pc.PairURL {
		t.Errorf("pairing code = %+v, want its URL in the QR code", pc)
	}
	resp, err := httpsClient.Post(st.URLs[0]+"api/pair", "application/json", strings.NewReader(`{"code":"`+pc.Code+`","device":"门口"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || len(resp.Cookies()) != 1 || !resp.Cookies()[0].Secure {
		t.Errorf("pair over TLS: %d %+v, want a Secure cookie", resp.StatusCode, resp.Cookies())
	}
	if seen == nil || fingerprint(seen.Raw) != st.Fingerprint {
		t.Errorf("served certificate fingerprint differs from the shown %s", st.Fingerprint)
	}
	again, err := lan.Start(LanOptions{Listen: "127.0.0.1:0", TLS: true})
	if err != nil || again.Fingerprint != st.Fingerprint {
		t.Errorf("restart: %v, fingerprint %s, want the same certificate %s", err, again.Fingerprint, st.Fingerprint)
	}
	stopped, _ := lan.Stop()
	if stopped.On || th.hub.lanOn.Load() {
		t.Errorf("after Stop: %+v, lanOn %v", stopped, th.hub.lanOn.Load())
	}
	if _, err := net.Dial("tcp", strings.TrimPrefix(strings.TrimSuffix(again.URLs[0], "/"), "https://")); err == nil {
		t.Error("the LAN port still accepts connections after Stop")
	}
}

func TestLanStartRefusesBadAddresses(t *testing.T) {
	th := newTestHub(t, false)
	for _, listen := range []string{"nonsense", "example.com:8443", "127.0.0.1:http-alt:1"} {
		st, err := th.hub.Lan.Start(LanOptions{Listen: listen})
		if e := app.AsError(err); e == nil || e.Fields["listen"] != "invalid_listen" || st.On {
			t.Errorf("Start(%q) = %+v, %v; want a listen field error", listen, st, err)
		}
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	st, err := th.hub.Lan.Start(LanOptions{Listen: busy.Addr().String()})
	if app.AsError(err).Reason != "lan_start_failed" || st.On || st.Error == "" || th.hub.lanOn.Load() {
		t.Errorf("Start on a busy port = %+v, %v; want lan_start_failed, off, with the error shown", st, err)
	}
}

func TestHubCertificateIsRemadeOnlyWhenItMustBe(t *testing.T) {
	path := t.TempDir() + "/hub.pem"
	now := apptest.Start
	lanIP := net.ParseIP("192.168.1.5")
	first, err := hubCertificate(path, []net.IP{lanIP}, now)
	if err != nil {
		t.Fatal(err)
	}
	fp := fingerprint(first.Certificate[0])
	for _, tc := range []struct {
		name    string
		ips     []net.IP
		at      time.Time
		wantNew bool
	}{
		{"same address", []net.IP{lanIP}, now, false},
		{"no address (loopback only)", nil, now.Add(24 * time.Hour), false},
		{"a new address", []net.IP{net.ParseIP("10.0.0.7")}, now, true},
		{"near its end", []net.IP{net.ParseIP("10.0.0.7")}, now.Add(certLifetime - certRenewal/2), true},
	} {
		c, err := hubCertificate(path, tc.ips, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		got := fingerprint(c.Certificate[0])
		if (got != fp) != tc.wantNew {
			t.Errorf("%s: remade = %v, want %v", tc.name, got != fp, tc.wantNew)
		}
		for _, ip := range append(tc.ips, net.IPv4(127, 0, 0, 1)) {
			if !covers(c.Leaf, []net.IP{ip}) {
				t.Errorf("%s: the certificate does not name %s", tc.name, ip)
			}
		}
		fp = got
	}
}

// The hub's certificate is dated by the hub's clock, as everything the hub
// does is, not by the computer's.
func TestLanCertificateIsDatedByTheHubsClock(t *testing.T) {
	th := newTestHub(t, false)
	at := time.Date(2031, 5, 4, 12, 0, 0, 0, time.UTC)
	th.clock.Set(at)
	if _, err := th.hub.Lan.Start(LanOptions{Listen: "127.0.0.1:0", TLS: true}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { th.hub.Lan.Stop() })
	c, err := tls.LoadX509KeyPair(th.store.Path()+".lan-tls.pem", th.store.Path()+".lan-tls.pem")
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(c.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	// The test clock moves a second a reading.
	if got, want := leaf.NotBefore, at.Add(-time.Hour); got.Before(want) || got.After(want.Add(time.Minute)) {
		t.Errorf("NotBefore = %v, want %v", got, want)
	}
}

// TestASlowRequestDoesNotHoldTheLANPort: a connection that sends its
// headers and then its body a byte at a time (or never) is closed once
// the read timeout passes, however many there are.
func TestASlowRequestDoesNotHoldTheLANPort(t *testing.T) {
	short := 300 * time.Millisecond
	readTimeout, idleTimeout = short, short
	t.Cleanup(func() { readTimeout, idleTimeout = time.Minute, 2*time.Minute })
	th := newTestHub(t, false)
	st, err := th.hub.Lan.Start(LanOptions{Listen: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { th.hub.Lan.Stop() })
	start := time.Now()
	var conns []net.Conn
	for range 20 {
		c, err := net.Dial("tcp", st.Listen)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		host, _, _ := net.SplitHostPort(st.Listen)
		if _, err := c.Write([]byte("POST /api/public/verify HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")); err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		// The server ends the connection: the read returns, with an
		// answer or without one, long before the test's own deadline.
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		buf := make([]byte, 4096)
		for {
			if _, err := c.Read(buf); err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					t.Fatalf("connection %d still open after %v", i, time.Since(start))
				}
				break
			}
		}
	}
}
