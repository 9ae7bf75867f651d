package web

import (
	"encoding/json"
	"io"
	"net/http"
	"time"

	"acedesk/app"
)

// SessionInfo is what GET /api/session and POST /api/pair answer.
type SessionInfo struct {
	Role      string     `json:"role"`
	Device    string     `json:"device"`
	Local     bool       `json:"local"`
	LAN       bool       `json:"lan"`
	CSRF      string     `json:"csrf"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

func (h *Hub) sessionInfo(who identity) SessionInfo {
	if who.local {
		return SessionInfo{Role: app.RoleAdmin, Local: true, LAN: h.lanOn.Load(), CSRF: h.auth.csrf("")}
	}
	exp := who.device.ExpiresAt
	return SessionInfo{Role: who.device.Role, Device: who.device.Name, LAN: true, CSRF: h.auth.csrf(who.token), ExpiresAt: &exp}
}

func (h *Hub) session(w http.ResponseWriter, r *http.Request) {
	who, err := h.whoIs(r)
	if err != nil {
		h.fail(w, err, "session")
		return
	}
	writeJSON(w, http.StatusOK, h.sessionInfo(who))
}

// pairRequest is the body of POST /api/pair.
type pairRequest struct {
	Code   string `json:"code"`
	Device string `json:"device"`
}

func (h *Hub) pair(w http.ResponseWriter, r *http.Request) {
	var in pairRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 4096)).Decode(&in); err != nil {
		h.fail(w, errBadCall{"the body must be {\"code\":…,\"device\":…}"}, "pair")
		return
	}
	d, token, err := h.auth.pair(peerAddr(r), in.Code, in.Device)
	if err != nil {
		h.fail(w, err, "pair")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: token, Path: "/", Expires: d.ExpiresAt,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	writeJSON(w, http.StatusOK, h.sessionInfo(identity{device: d, token: token}))
}

// logout forgets the device on the server too, and clears the cookie. Like
// every other change, it needs the page's CSRF token: another site cannot
// log a device out.
func (h *Hub) logout(w http.ResponseWriter, r *http.Request) {
	who, err := h.whoIs(r)
	if err == nil && !h.auth.csrfOK(who.token, r.Header.Get(CSRFHeader)) {
		h.fail(w, errCSRF, "logout")
		return
	}
	if err == nil && !who.local {
		err = h.repo.DeleteDevice(who.device.ID, app.Change{Actor: who.device.Name, At: h.clock.Now()})
		if err != nil {
			h.fail(w, err, "logout")
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode})
	w.WriteHeader(http.StatusNoContent)
}
