package web

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strings"

	"acedesk/app"
)

// maxBody bounds one API request.
const maxBody = 4 << 20

// contentSecurityPolicy allows only the app's own files. Naive UI injects
// its styles at run time, hence 'unsafe-inline' for styles (not scripts).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves the built frontend at / and the API at /api/call/<name>.
func Handler(d *Dispatcher, assets fs.FS, logger *log.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /api/call/{name}", apiHandler(d, logger))
	mux.Handle("GET /", http.FileServerFS(assets))
	return secure(mux)
}

func apiHandler(d *Dispatcher, logger *log.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// A JSON content type cannot be sent cross-site without a CORS
		// preflight, which this server never grants.
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			writeJSON(w, http.StatusUnsupportedMediaType, app.Errorf(app.CodeInvalid, "bad_request", "Content-Type must be application/json"))
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			writeJSON(w, http.StatusRequestEntityTooLarge, app.Errorf(app.CodeInvalid, "bad_request", "request too large"))
			return
		}
		name := r.PathValue("name")
		result, err := d.Call(name, body)
		var bad errBadCall
		switch {
		case errors.As(err, &bad):
			writeJSON(w, http.StatusBadRequest, app.Errorf(app.CodeInvalid, "bad_request", "%s", bad.msg))
		case err != nil:
			e := FormatError(err, logger, name)
			writeJSON(w, statusOf(e.Code), e)
		default:
			writeJSON(w, http.StatusOK, result)
		}
	}
}

// FormatError turns err into what the UI receives, logging internal errors
// in full while the user sees a generic message. Both transports use it.
func FormatError(err error, logger *log.Logger, where string) *app.Error {
	e := app.AsError(err)
	if e.Code == app.CodeInternal {
		logger.Printf("internal error in %s: %v", where, err)
	}
	return e
}

func statusOf(c app.Code) int {
	switch c {
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
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}

// secure adds the security headers and refuses requests whose Host or
// Origin is not a loopback name, which defeats DNS rebinding.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		if !IsLoopbackHost(r.Host) {
			http.Error(w, "forbidden host", http.StatusForbidden)
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
			http.Error(w, "forbidden origin", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// IsLoopbackHost reports whether hostport names this machine only:
// localhost, 127.0.0.0/8 or ::1, with or without a port.
func IsLoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
