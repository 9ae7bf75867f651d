package app

import "time"

// Roles a paired LAN device may hold, fixed when the hub's operator makes
// the pairing code.
const (
	RoleAdmin  = "admin"
	RoleDesk   = "desk"
	RoleViewer = "viewer"
)

// ValidRole reports whether r is one of the roles a device may hold.
func ValidRole(r string) bool { return r == RoleAdmin || r == RoleDesk || r == RoleViewer }

// Audit actions of paired devices.
const (
	ActionPair   = "pair"
	ActionRevoke = "revoke"
	ActionLogout = "logout"
)

// Device is a browser on the LAN paired with the hub. Its session token is
// never part of it: the store keeps only the token's SHA-256, beside it.
type Device struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	PairedAt  time.Time `json:"paired_at"`
	LastSeen  time.Time `json:"last_seen"`
	Address   string    `json:"address"`
	ExpiresAt time.Time `json:"expires_at"`
	Revoked   bool      `json:"revoked"`
}

// DeviceRepository keeps paired devices; every write is audited.
type DeviceRepository interface {
	// CreateDevice stores a new device (its ID is assigned) under the
	// SHA-256 of its session token.
	CreateDevice(d Device, tokenHash [32]byte, ch Change) (Device, error)
	// DeviceByToken finds the device whose token hashes to tokenHash.
	DeviceByToken(tokenHash [32]byte) (Device, bool, error)
	Devices() ([]Device, error)
	// RevokeDevice marks a device revoked; its token stays known so that
	// the device is told it was revoked rather than that it never paired.
	RevokeDevice(id string, ch Change) (Device, error)
	// DeleteDevice forgets a device and its token (a logout).
	DeleteDevice(id string, ch Change) error
	// TouchDevice records when and from where a device was last seen.
	TouchDevice(id string, at time.Time, address string) error
}
