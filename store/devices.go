package store

import (
	"encoding/hex"
	"strconv"
	"time"

	"acedesk/app"

	bolt "go.etcd.io/bbolt"
)

// Paired devices are keyed by a sequence ID; device_tokens maps the
// SHA-256 of each session token to that ID. The token itself is never
// stored, so a copy of the file opens no session.

var (
	bucketDevices      = []byte("devices")
	bucketDeviceTokens = []byte("device_tokens")
)

// storedDevice is a device with the hash of its token, which the store
// needs to forget the token when the device is deleted.
type storedDevice struct {
	app.Device
	TokenHash string `json:"token_sha256"`
}

var _ app.DeviceRepository = (*Store)(nil)

const entityDevice = "device"

func deviceNotFound(id string) error {
	return app.Errorf(app.CodeNotFound, "device_not_found", "no paired device %s", id).WithParams("id", id)
}

// loadDevice reads a device by its ID as the UI spells it.
func loadDevice(tx *bolt.Tx, id string) (uint64, storedDevice, error) {
	var d storedDevice
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil || n == 0 {
		return 0, d, deviceNotFound(id)
	}
	ok, err := get(tx.Bucket(bucketDevices), itob(n), &d)
	if err == nil && !ok {
		err = deviceNotFound(id)
	}
	return n, d, err
}

// CreateDevice stores a newly paired device under its token's hash.
func (s *Store) CreateDevice(d app.Device, tokenHash [32]byte, ch app.Change) (app.Device, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDevices)
		n, err := b.NextSequence()
		if err != nil {
			return err
		}
		d.ID = strconv.FormatUint(n, 10)
		if err := put(b, itob(n), storedDevice{Device: d, TokenHash: hex.EncodeToString(tokenHash[:])}); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDeviceTokens).Put(tokenHash[:], itob(n)); err != nil {
			return err
		}
		return appendAudit(tx, ch, app.ActionPair, entityDevice, n, nil, d)
	})
	return d, err
}

// DeviceByToken finds the device a session token belongs to.
func (s *Store) DeviceByToken(tokenHash [32]byte) (app.Device, bool, error) {
	var d storedDevice
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketDeviceTokens).Get(tokenHash[:])
		if id == nil {
			return nil
		}
		var err error
		ok, err = get(tx.Bucket(bucketDevices), id, &d)
		return err
	})
	return d.Device, ok, err
}

// Devices lists every paired device in pairing order.
func (s *Store) Devices() ([]app.Device, error) {
	out := []app.Device{}
	err := s.db.View(func(tx *bolt.Tx) error {
		list, err := decodeKept(tx.Bucket(bucketDevices), func(*storedDevice) bool { return true })
		for _, d := range list {
			out = append(out, d.Device)
		}
		return err
	})
	return out, err
}

// RevokeDevice marks a device revoked, at once for its next request.
func (s *Store) RevokeDevice(id string, ch app.Change) (app.Device, error) {
	var d storedDevice
	err := s.db.Update(func(tx *bolt.Tx) error {
		n, old, err := loadDevice(tx, id)
		if err != nil {
			return err
		}
		d = old
		d.Revoked = true
		if err := put(tx.Bucket(bucketDevices), itob(n), d); err != nil {
			return err
		}
		return appendAudit(tx, ch, app.ActionRevoke, entityDevice, n, old.Device, d.Device)
	})
	return d.Device, err
}

// DeleteDevice forgets a device and its token.
func (s *Store) DeleteDevice(id string, ch app.Change) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		n, old, err := loadDevice(tx, id)
		if err != nil {
			return err
		}
		hash, err := hex.DecodeString(old.TokenHash)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketDeviceTokens).Delete(hash); err != nil {
			return err
		}
		if err := tx.Bucket(bucketDevices).Delete(itob(n)); err != nil {
			return err
		}
		return appendAudit(tx, ch, app.ActionLogout, entityDevice, n, old.Device, nil)
	})
}

// TouchDevice records a device's last request. It is not audited: it is
// bookkeeping, not a change anyone makes.
func (s *Store) TouchDevice(id string, at time.Time, address string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		n, d, err := loadDevice(tx, id)
		if err != nil {
			return err
		}
		d.LastSeen, d.Address = at, address
		return put(tx.Bucket(bucketDevices), itob(n), d)
	})
}
