package app

import (
	"testing"

	"acedesk/app/apptest"
)

// The trophy list and the certificates draw with one renderer: the font's
// glyph table loads once per process, whichever prints first.
func TestTrophiesShareTheCertificateRenderer(t *testing.T) {
	svc := NewServices(nil, apptest.NewClock(apptest.Start), "lead")
	fromTrophies, err := svc.Trophies.renderer()
	if err != nil {
		t.Fatal(err)
	}
	fromCerts, err := svc.Certificates.renderer()
	if err != nil {
		t.Fatal(err)
	}
	if fromTrophies != fromCerts {
		t.Error("the trophy list loaded a renderer of its own")
	}
}
