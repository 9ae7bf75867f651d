package web

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"acedesk/app"
)

// DefaultLANListen is where LAN mode listens unless told otherwise.
const DefaultLANListen = "0.0.0.0:8443"

// LanOptions is how LAN mode starts.
type LanOptions struct {
	Listen string `json:"listen"`
	TLS    bool   `json:"tls"`
}

// LanStatus is what the hub's Settings page shows of LAN mode.
type LanStatus struct {
	On          bool     `json:"on"`
	Listen      string   `json:"listen"`
	URLs        []string `json:"urls"`
	TLS         bool     `json:"tls"`
	Fingerprint string   `json:"fingerprint"`
	PairURL     string   `json:"pair_url"`
	QRPNG       string   `json:"qr_png"`
	Error       string   `json:"error"`
}

// LanService switches LAN mode and manages paired devices. It is bound for
// the hub only (see authz.go): no paired device may call it.
type LanService struct {
	hub *Hub

	mu  sync.Mutex
	srv *http.Server
	// ln is closed by Stop itself: Shutdown only closes listeners Serve
	// has reached, and the goroutine may not have started yet.
	ln     net.Listener
	status LanStatus
}

func newLanService(h *Hub) *LanService {
	return &LanService{hub: h, status: LanStatus{URLs: []string{}}}
}

// Status says whether LAN mode is on and where phones reach it.
func (s *LanService) Status() (LanStatus, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status, nil
}

// Start listens on the LAN (restarting if already on), with a self-signed
// certificate when opts.TLS.
func (s *LanService) Start(opts LanOptions) (LanStatus, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if opts.Listen == "" {
		opts.Listen = DefaultLANListen
	}
	host, port, err := net.SplitHostPort(opts.Listen)
	if err != nil || (host != "" && net.ParseIP(host) == nil) {
		return s.status, (app.FieldErrors{"listen": "invalid_listen"}).Err()
	}
	s.stopLocked()
	ips := machineIPs()
	if ip := net.ParseIP(host); ip != nil && !ip.IsUnspecified() {
		ips = []net.IP{ip}
	}
	st := LanStatus{Listen: opts.Listen, TLS: opts.TLS, URLs: []string{}}
	ln, err := net.Listen("tcp", opts.Listen)
	if err == nil && opts.TLS {
		var cert tls.Certificate
		// Certificates are dated by the real clock: browsers check them against it.
		cert, err = hubCertificate(s.hub.repo.Path()+".lan-tls.pem", ips, s.hub.clock.Now())
		if err == nil {
			st.Fingerprint = fingerprint(cert.Certificate[0])
			ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
		} else {
			ln.Close()
		}
	}
	if err != nil {
		st.Error = err.Error()
		s.status = st
		return st, app.Errorf(app.CodeConflict, "lan_start_failed", "LAN mode could not start on %s: %v", opts.Listen, err).
			WithParams("listen", opts.Listen)
	}
	if port == "0" { // tests ask for any free port
		_, port, _ = net.SplitHostPort(ln.Addr().String())
		st.Listen = ln.Addr().String()
	}
	scheme := "http://"
	if opts.TLS {
		scheme = "https://"
	}
	for _, ip := range ips {
		st.URLs = append(st.URLs, scheme+net.JoinHostPort(ip.String(), port)+"/")
	}
	if len(st.URLs) > 0 {
		st.PairURL = st.URLs[0] + "#/pair"
		st.QRPNG = s.hub.qrDataURL(st.PairURL)
	}
	srv := NewServer(s.hub.Handler(), s.hub.logger)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.hub.logger.Error("LAN server stopped", "err", err)
		}
	}()
	st.On = true
	s.srv, s.ln, s.status = srv, ln, st
	s.hub.lanOn.Store(true)
	return st, nil
}

// A request must arrive whole within readTimeout (its largest body is a
// phone's photo, 24 MB, over venue Wi-Fi) and an idle connection closes
// after idleTimeout: a few slow or silent connections must not hold the
// hub's port. Variables, so that a test need not wait a minute.
var (
	readTimeout = time.Minute
	idleTimeout = 2 * time.Minute
)

// NewServer is an HTTP server of handler with those timeouts, logging its
// own errors as warnings: the LAN's and browser mode's.
func NewServer(handler http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: readTimeout, IdleTimeout: idleTimeout,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}
}

// Stop ends LAN mode: the listener closes and requests by IP address are
// refused again.
func (s *LanService) Stop() (LanStatus, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopLocked()
	s.status = LanStatus{URLs: []string{}}
	return s.status, nil
}

func (s *LanService) stopLocked() {
	s.hub.lanOn.Store(false)
	if s.srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		s.srv.Close()
	}
	s.ln.Close()
	s.srv, s.ln = nil, nil
}

// NewPairingCode makes the one pairing code, for a device of role, valid
// ten minutes; the previous code stops working.
func (s *LanService) NewPairingCode(role string) (PairingCode, error) {
	pc, err := s.hub.auth.newCode(role)
	if err != nil {
		return pc, err
	}
	s.mu.Lock()
	base := s.status.PairURL
	s.mu.Unlock()
	if base != "" {
		pc.PairURL = base + "?code=" + pc.Code
		pc.QRPNG = s.hub.qrDataURL(pc.PairURL)
	}
	return pc, nil
}

// Devices lists the paired devices, revoked and expired ones included.
func (s *LanService) Devices() ([]app.Device, error) { return s.hub.repo.Devices() }

// Revoke cuts a device off at once: its next request is refused.
func (s *LanService) Revoke(id string) error {
	_, err := s.hub.repo.RevokeDevice(id, app.Change{Actor: s.hub.auth.operator(), At: s.hub.clock.Now()})
	return err
}

// qrDataURL is the QR code of text, or "" if it cannot be drawn (the
// address is still shown as text).
func (h *Hub) qrDataURL(text string) string {
	url, err := h.codes.QRDataURL(text)
	if err != nil {
		return ""
	}
	return url
}

// Close stops LAN mode when the database closes.
func (h *Hub) Close() {
	h.Lan.Stop()
}
