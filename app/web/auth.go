package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"math/big"
	"strconv"
	"sync"
	"time"

	"acedesk/app"
)

// Session and pairing limits (issue 6).
const (
	SessionCookie   = "acedesk_session"
	SessionLifetime = 24 * time.Hour
	PairingLifetime = 10 * time.Minute
	// A 6-digit code with at most maxWrongPerCode guesses leaves an
	// attacker a 1 in 100,000 chance; the per-address limit slows one
	// phone down before it burns the code for everyone.
	maxWrongPerCode  = 10
	maxWrongPerIP    = 5
	wrongWindow      = time.Minute
	touchGranularity = time.Minute
)

// PairingCode is a one-time code the hub's operator hands to a device.
type PairingCode struct {
	Code      string    `json:"code"`
	Role      string    `json:"role"`
	ExpiresAt time.Time `json:"expires_at"`
	PairURL   string    `json:"pair_url"`
	QRPNG     string    `json:"qr_png"`
}

// auth pairs devices and recognises their sessions. The one pairing code
// lives in memory only: a restart voids it, which is what one wants.
type auth struct {
	repo     app.DeviceRepository
	clock    app.Clock
	operator func() string
	// csrfKey signs CSRF tokens; made per process, so a restart makes
	// pages fetch /api/session again (the shim does so on a csrf refusal).
	csrfKey []byte

	mu      sync.Mutex
	code    string
	role    string
	expires time.Time
	wrong   int
	perIP   *limiter
}

func newAuth(repo app.DeviceRepository, clock app.Clock, operator func() string) *auth {
	key := make([]byte, 32)
	rand.Read(key)
	return &auth{repo: repo, clock: clock, operator: operator, csrfKey: key, perIP: newLimiter(maxWrongPerIP, wrongWindow)}
}

// newCode makes a pairing code for role, voiding the previous one.
func (a *auth) newCode(role string) (PairingCode, error) {
	if !app.ValidRole(role) {
		return PairingCode{}, app.Errorf(app.CodeInvalid, "unknown_role", "no role %q", role).WithParams("role", role)
	}
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return PairingCode{}, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.code, a.role, a.wrong = fmt.Sprintf("%06d", n.Int64()), role, 0
	a.expires = a.clock.Now().Add(PairingLifetime)
	return PairingCode{Code: a.code, Role: role, ExpiresAt: a.expires}, nil
}

var errCodeWrong = app.Errorf(app.CodeInvalid, "pair_code_wrong", "the pairing code is wrong, used or expired")

// pair trades a code for a new device and its session token. A wrong,
// used or expired code all give the same error, so nothing leaks.
func (a *auth) pair(addr, code, name string) (app.Device, string, error) {
	now := a.clock.Now()
	if wait := a.perIP.wait(addr, now); wait > 0 {
		secs := int((wait + time.Second - 1) / time.Second)
		return app.Device{}, "", app.Errorf(app.CodeUnauthorized, "pair_rate_limited", "too many wrong pairing codes: wait %d s", secs).
			WithParams("seconds", strconv.Itoa(secs))
	}
	name, err := app.DeviceName(name)
	if err == nil && name == "" {
		err = app.FieldErrors{"device": "required"}.Err()
	}
	if err != nil {
		return app.Device{}, "", err
	}
	role, ok := a.take(addr, code, now)
	if !ok {
		return app.Device{}, "", errCodeWrong
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return app.Device{}, "", err
	}
	token := base64.RawURLEncoding.EncodeToString(raw)
	d, err := a.repo.CreateDevice(app.Device{Name: name, Role: role, PairedAt: now, LastSeen: now, Address: addr,
		ExpiresAt: now.Add(SessionLifetime)}, sha256.Sum256([]byte(token)), app.Change{Actor: a.operator(), At: now})
	return d, token, err
}

// take uses up the code if it matches, and counts a wrong guess if not.
func (a *auth) take(addr, code string, now time.Time) (string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	live := a.code != "" && now.Before(a.expires)
	if live && subtle.ConstantTimeCompare([]byte(code), []byte(a.code)) == 1 {
		a.code = ""
		return a.role, true
	}
	a.perIP.record(addr, now)
	if live {
		if a.wrong++; a.wrong >= maxWrongPerCode {
			a.code = ""
		}
	}
	return "", false
}

// session finds the device of a session token, refusing one that is
// unknown, revoked or expired, and notes when and where it was seen.
func (a *auth) session(token, addr string) (app.Device, error) {
	if token == "" {
		return app.Device{}, errNoSession
	}
	d, ok, err := a.repo.DeviceByToken(sha256.Sum256([]byte(token)))
	now := a.clock.Now()
	switch {
	case err != nil:
		return d, err
	case !ok:
		return d, errNoSession
	case d.Revoked:
		return d, app.Errorf(app.CodeUnauthorized, "session_revoked", "this device was revoked: pair it again")
	case !now.Before(d.ExpiresAt):
		return d, app.Errorf(app.CodeUnauthorized, "session_expired", "the session has expired: pair again")
	}
	// Writing on every request would cost a disk sync each; the list of
	// devices needs minutes, not milliseconds.
	if now.Sub(d.LastSeen) >= touchGranularity || d.Address != addr {
		if err := a.repo.TouchDevice(d.ID, now, addr); err != nil {
			return d, err
		}
		d.LastSeen, d.Address = now, addr
	}
	return d, nil
}

var errNoSession = app.Errorf(app.CodeUnauthorized, "no_session", "pair this device with the hub first")

// csrf is the token a page must echo in X-CSRF-Token: bound to the session
// token (or to "local" for the hub itself), which a cross-site page can
// neither read nor compute.
func (a *auth) csrf(sessionToken string) string {
	m := hmac.New(sha256.New, a.csrfKey)
	m.Write([]byte("csrf\x00" + sessionToken))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (a *auth) csrfOK(sessionToken, got string) bool {
	return got != "" && hmac.Equal([]byte(got), []byte(a.csrf(sessionToken)))
}
