package web

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"acedesk/app"
	"acedesk/app/service"
)

// maxBody bounds one API request: a phone's photo (ScanAttendee,
// VerifyImage) in base64. It is read only once the caller is known.
const maxBody = 16 << 20

// CSRFHeader carries the token from GET /api/session on every call.
const CSRFHeader = "X-CSRF-Token"

// contentSecurityPolicy allows only the app's own files. Naive UI injects
// its styles at run time, hence 'unsafe-inline' for styles (not scripts).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// HubRepository is what the hub needs from the store besides the services.
type HubRepository interface {
	app.DeviceRepository
	GetEventBare(id uint64) (app.Event, error)
	GetCertificate(serial string) (app.Certificate, bool, error)
	Path() string
}

// Config is what NewHub wires together.
type Config struct {
	Services *service.Services
	Repo     HubRepository
	Clock    app.Clock
	// Codes draws the pairing page's QR codes.
	Codes  app.Codes
	Assets fs.FS
	// Logger is the session's log, for internal errors.
	Logger *slog.Logger
}

// Hub is the HTTP side of one open database: one handler for the
// loopback browser and the LAN, the paired devices, and LAN mode.
type Hub struct {
	// localKey is this launch's secret: this machine's browser is the hub
	// itself only with it (see local.go).
	localKey   string
	dispatcher *Dispatcher
	assets     fs.FS
	logger     *slog.Logger
	clock      app.Clock
	codes      app.Codes
	repo       HubRepository
	trust      *service.TrustService
	auth       *auth
	verifyIP   *limiter
	// lanOn admits requests named by an IP address (not only loopback).
	lanOn atomic.Bool
	// Lan is the LAN control service, bound for the hub's own UI.
	Lan *LanService
}

// Public verification is rate limited per address: enough for a queue of
// people checking their certificates from one phone, not for enumerating
// serials.
const (
	maxVerifyPerIP = 30
	verifyWindow   = time.Minute
)

// NewHub makes the hub of an opened database; LAN mode starts off.
func NewHub(c Config) *Hub {
	h := &Hub{localKey: newLocalKey(), assets: c.Assets, logger: c.Logger, clock: c.Clock, codes: c.Codes, repo: c.Repo, trust: c.Services.Trust,
		verifyIP: newLimiter(maxVerifyPerIP, verifyWindow)}
	operator := func() string {
		s, err := c.Services.Settings.Get()
		if err != nil {
			return ""
		}
		return s.Operator
	}
	h.auth = newAuth(c.Repo, c.Clock, operator)
	h.Lan = newLanService(h)
	h.dispatcher = NewDispatcher(append(c.Services.Bindings(), h.Lan)...)
	return h
}

// Bindings are the structs the desktop window binds: the services and the
// LAN control.
func (h *Hub) Bindings() []any { return h.dispatcher.bindings }

// Names lists the methods callable over HTTP.
func (h *Hub) Names() []string { return h.dispatcher.Names() }

// Handler serves the built frontend at / and the API under /api/.
func (h *Hub) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /api/call/{name}", jsonOnly(http.HandlerFunc(h.call)))
	mux.HandleFunc("GET /api/session", h.session)
	mux.Handle("POST /api/pair", jsonOnly(http.HandlerFunc(h.pair)))
	mux.Handle("POST /api/logout", jsonOnly(http.HandlerFunc(h.logout)))
	mux.Handle("POST /api/public/verify", jsonOnly(http.HandlerFunc(h.publicVerify)))
	mux.Handle("POST /api/public/verify-image", jsonOnly(http.HandlerFunc(h.publicVerifyImage)))
	mux.Handle("GET /", h.admitLocal(http.FileServerFS(h.assets)))
	return h.secure(mux)
}

// jsonOnly refuses other content types: a JSON body cannot be sent
// cross-site without a CORS preflight, which this server never grants.
func jsonOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			writeJSON(w, http.StatusUnsupportedMediaType, app.Errorf(app.CodeInvalid, "bad_request", "Content-Type must be application/json"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// identity is who makes a request: the hub itself, or a paired device.
type identity struct {
	local  bool
	device app.Device
	token  string
}

// whoIs names the caller of r, or says why there is none. A request from
// this machine is the hub's own only with the launch key: another account
// on the same computer reaches loopback too.
func (h *Hub) whoIs(r *http.Request) (identity, error) {
	local := isLocal(r)
	if local && h.hasLocalKey(r) {
		return identity{local: true}, nil
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil && local {
		return identity{}, errLocalKey
	}
	if err != nil {
		return identity{}, errNoSession
	}
	d, err := h.auth.session(c.Value, peerAddr(r))
	if err != nil {
		return identity{}, err
	}
	return identity{device: d, token: c.Value}, nil
}

// isLocal: both the TCP peer and the Host the browser asked for are this
// machine. A page on the hub opened by its LAN address is not local, so a
// LAN page cannot pass itself off as the hub by rebinding a name.
func isLocal(r *http.Request) bool {
	ip := net.ParseIP(peerAddr(r))
	return ip != nil && ip.IsLoopback() && IsLoopbackHost(r.Host)
}

func peerAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (h *Hub) call(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	who, err := h.whoIs(r)
	if err != nil {
		h.fail(w, err, name)
		return
	}
	if !h.auth.csrfOK(who.token, r.Header.Get(CSRFHeader)) {
		h.fail(w, errCSRF, name)
		return
	}
	if !h.dispatcher.Has(name) {
		h.fail(w, errBadCall{"unknown method " + name}, name)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, app.Errorf(app.CodeInvalid, "bad_request", "request too large"))
		return
	}
	raw, err := splitArgs(body)
	if err == nil {
		raw, err = authorize(name, who, raw, h.isToday)
	}
	var result any
	if err == nil {
		result, err = h.dispatcher.call(name, raw)
	}
	if err != nil {
		h.fail(w, err, name)
		return
	}
	writeJSON(w, http.StatusOK, result)
}

var errCSRF = app.Errorf(app.CodeUnauthorized, "csrf", "missing or wrong %s header: reload the page", CSRFHeader)

// isToday answers whether an event is dated today on the hub's clock.
func (h *Hub) isToday(eventID uint64) (bool, error) {
	e, err := h.repo.GetEventBare(eventID)
	if err != nil {
		return false, err
	}
	return e.Date == h.clock.Now().Format(app.DateLayout), nil
}

// fail writes err as the UI receives it.
func (h *Hub) fail(w http.ResponseWriter, err error, where string) {
	var bad errBadCall
	if errors.As(err, &bad) {
		writeJSON(w, http.StatusBadRequest, app.Errorf(app.CodeInvalid, "bad_request", "%s", bad.msg))
		return
	}
	e := FormatError(err, h.logger, where)
	writeJSON(w, statusOf(e), e)
}

// FormatError turns err into what the UI receives, logging internal errors
// in full while the user sees a generic message. Both transports use it.
func FormatError(err error, logger *slog.Logger, where string) *app.Error {
	e := app.AsError(err)
	if e.Code == app.CodeInternal {
		logger.Error("internal error", "in", where, "err", err)
	}
	return e
}

// statusOf maps an error to its HTTP status; the refusals of the LAN
// contract have their own.
func statusOf(e *app.Error) int {
	switch e.Reason {
	case "forbidden", "csrf", "origin", "host":
		return http.StatusForbidden
	case "pair_rate_limited", "verify_rate_limited":
		return http.StatusTooManyRequests
	case "images_busy":
		return http.StatusServiceUnavailable
	}
	switch e.Code {
	case app.CodeInvalid:
		return http.StatusUnprocessableEntity
	case app.CodeNotFound:
		return http.StatusNotFound
	case app.CodeConflict:
		return http.StatusConflict
	case app.CodeUnauthorized:
		return http.StatusUnauthorized
	default:
		return http.StatusInternalServerError
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	// An answer that cannot be written has no one left to read it.
	_ = json.NewEncoder(w).Encode(v)
}

// secure adds the security headers and refuses a Host that is not this
// machine's loopback name (or, in LAN mode, an IP address): a DNS name
// could be rebound to this machine by any web page. An Origin, when sent,
// must be the page's own.
func (h *Hub) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cache-Control", "no-store")
		if !IsLoopbackHost(r.Host) && !(h.lanOn.Load() && isIPHost(r.Host)) {
			writeJSON(w, http.StatusForbidden, app.Errorf(app.CodeUnauthorized, "host", "forbidden host"))
			return
		}
		scheme := "http://"
		if r.TLS != nil {
			scheme = "https://"
		}
		if o := r.Header.Get("Origin"); o != "" && o != scheme+r.Host {
			writeJSON(w, http.StatusForbidden, app.Errorf(app.CodeUnauthorized, "origin", "forbidden origin"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// splitHost drops the port and the brackets of an IPv6 literal.
func splitHost(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	return strings.Trim(host, "[]")
}

// isIPHost reports whether hostport names an IP address, not a DNS name.
func isIPHost(hostport string) bool { return net.ParseIP(splitHost(hostport)) != nil }

// IsLoopbackHost reports whether hostport names this machine only:
// localhost, 127.0.0.0/8 or ::1, with or without a port.
func IsLoopbackHost(hostport string) bool {
	host := splitHost(hostport)
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
