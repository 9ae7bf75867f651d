package store

import (
	"crypto/sha256"
	"path/filepath"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/apptest"
)

func pairDevice(t *testing.T, s *Store, name, token string) app.Device {
	t.Helper()
	d, err := s.CreateDevice(app.Device{Name: name, Role: app.RoleDesk, PairedAt: apptest.Start,
		ExpiresAt: apptest.Start.Add(24 * time.Hour), Address: "192.168.1.23"}, sha256.Sum256([]byte(token)), change)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDevicesAreFoundByTheirTokenHashOnly(t *testing.T) {
	s := openTemp(t)
	a := pairDevice(t, s, "门口 1", "token-a")
	b := pairDevice(t, s, "门口 2", "token-b")
	if a.ID == "" || a.ID == b.ID {
		t.Fatalf("ids %q %q, want distinct", a.ID, b.ID)
	}
	for _, tc := range []struct {
		token    string
		wantOK   bool
		wantName string
	}{
		{"token-a", true, "门口 1"},
		{"token-b", true, "门口 2"},
		{"token-c", false, ""},
		{"", false, ""},
	} {
		got, ok, err := s.DeviceByToken(sha256.Sum256([]byte(tc.token)))
		if err != nil || ok != tc.wantOK || got.Name != tc.wantName {
			t.Errorf("DeviceByToken(%q) = %+v %v %v, want ok %v name %q", tc.token, got, ok, err, tc.wantOK, tc.wantName)
		}
	}
	list, err := s.Devices()
	if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
		t.Errorf("Devices = %+v, %v; want a then b", list, err)
	}
}

func TestRevokeDeleteAndTouchDevices(t *testing.T) {
	s := openTemp(t)
	a := pairDevice(t, s, "门口 1", "token-a")
	b := pairDevice(t, s, "门口 2", "token-b")
	seen := apptest.Start.Add(time.Hour)
	if err := s.TouchDevice(b.ID, seen, "192.168.1.99"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RevokeDevice(a.ID, change); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDevice(b.ID, change); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		err   error
		wantR string
	}{
		{"revoke an unknown id", func() error { _, err := s.RevokeDevice("999", change); return err }(), "device_not_found"},
		{"revoke a malformed id", func() error { _, err := s.RevokeDevice("x", change); return err }(), "device_not_found"},
		{"delete a deleted device", s.DeleteDevice(b.ID, change), "device_not_found"},
		{"touch a deleted device", s.TouchDevice(b.ID, seen, ""), "device_not_found"},
	} {
		if got := app.AsError(tc.err); got == nil || got.Reason != tc.wantR {
			t.Errorf("%s: %v, want %s", tc.name, tc.err, tc.wantR)
		}
	}
	got, ok, _ := s.DeviceByToken(sha256.Sum256([]byte("token-a")))
	if !ok || !got.Revoked {
		t.Errorf("revoked device by token = %+v %v, want found and revoked", got, ok)
	}
	if _, ok, _ := s.DeviceByToken(sha256.Sum256([]byte("token-b"))); ok {
		t.Error("a deleted device's token still opens it")
	}
	audit, _ := s.AuditFor(entityDevice, 1)
	var actions []string
	for _, e := range audit {
		actions = append(actions, e.Action)
	}
	if len(actions) != 2 || actions[0] != app.ActionPair || actions[1] != app.ActionRevoke {
		t.Errorf("audit of device 1 = %v, want [pair revoke]", actions)
	}
}

func TestDevicesSurviveReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "acedesk.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := pairDevice(t, s, "门口 1", "token-a")
	s.TouchDevice(a.ID, apptest.Start.Add(time.Second), "192.168.1.50")
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, ok, err := s.DeviceByToken(sha256.Sum256([]byte("token-a")))
	if err != nil || !ok || got.Name != "门口 1" || got.Address != "192.168.1.50" || !got.ExpiresAt.Equal(a.ExpiresAt) {
		t.Errorf("after reopening: %+v %v %v", got, ok, err)
	}
}

func TestDevicesMigrationAddsTheBuckets(t *testing.T) {
	s, _ := upgraded(t, 7, nil)
	if m := migrations[7]; m.Version != 8 || m.Name != "paired devices" {
		t.Fatalf("migration 8 is %d %q", m.Version, m.Name)
	}
	if _, err := s.CreateDevice(app.Device{Name: "x", Role: app.RoleViewer}, sha256.Sum256([]byte("t")), change); err != nil {
		t.Errorf("CreateDevice after migrating from v7: %v", err)
	}
}
