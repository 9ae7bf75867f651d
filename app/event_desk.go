package app

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"acedesk/app/sign"

	goqr "github.com/piglig/go-qr"
)

// What the LAN desk needs besides the door (attendee_service.go).

// Today lists the events dated today on the hub's clock: the events a
// desk may work on.
func (s *EventService) Today() ([]Event, error) {
	now := s.clock.Now()
	today := now.Format(DateLayout)
	list, err := s.List(now.Year())
	out := []Event{}
	for _, e := range list {
		if e.Date == today {
			out = append(out, e)
		}
	}
	return out, err
}

// SpeakerCertificate issues (the first time) and renders the thanks
// certificate of one speaker of an event, for a desk to download and print.
func (s *EventService) SpeakerCertificate(eventID, memberID uint64) (FileResult, error) {
	certs, err := s.certificates.ForMember(memberID, CertThanks, 0, eventID)
	if err != nil {
		return FileResult{}, err
	}
	files, err := s.certificates.Render([]string{certs[0].Serial}, false)
	if err != nil {
		return FileResult{}, err
	}
	return files[0], nil
}

// attendeePrefix starts the QR code of an attendee: ACE-ATT:<event>:<member>.
const attendeePrefix = "ACE-ATT:"

// AttendeeCode is the text of an attendee's QR code.
func AttendeeCode(eventID, memberID uint64) string {
	return fmt.Sprintf("%s%d:%d", attendeePrefix, eventID, memberID)
}

// parseAttendeeCode reads an attendee QR code's text; ok is false for any
// other text.
func parseAttendeeCode(text string) (eventID, memberID uint64, ok bool) {
	rest, found := strings.CutPrefix(text, attendeePrefix)
	ev, mem, found2 := strings.Cut(rest, ":")
	if !found || !found2 {
		return 0, 0, false
	}
	e, err1 := strconv.ParseUint(ev, 10, 64)
	m, err2 := strconv.ParseUint(mem, 10, 64)
	return e, m, err1 == nil && err2 == nil
}

// QRDataURL draws text as a QR code (4-module margin) in a PNG data URL,
// for pages that show a code to scan.
func QRDataURL(text string) (string, error) {
	code, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return "", err
	}
	png, err := code.ToPNGBytes(goqr.NewQrCodeImgConfig(8, 4))
	if err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png), nil
}

// AttendeeQR is the QR code a registered attendee shows at the door.
func (s *EventService) AttendeeQR(eventID, memberID uint64) (string, error) {
	if _, err := s.attendee(eventID, memberID); err != nil {
		return "", err
	}
	return QRDataURL(AttendeeCode(eventID, memberID))
}

// ScanAttendee finds the attendees of this event whose QR codes are in a
// photo; codes of other events and other QR codes are ignored, and a photo
// without any code gives an empty list.
func (s *EventService) ScanAttendee(eventID uint64, name string, data []byte) ([]AttendeeRow, error) {
	e, err := s.repo.GetEventBare(eventID)
	if err != nil {
		return nil, err
	}
	if err := checkVerifySize(name, data); err != nil {
		return nil, err
	}
	texts, err := sign.PayloadsFromImage(bytes.NewReader(data))
	if errors.Is(err, sign.ErrNoPayload) {
		return []AttendeeRow{}, nil
	}
	if err != nil {
		return nil, noPayload(name, err)
	}
	var cands []AttendeeCandidate
	for _, t := range texts {
		ev, mem, ok := parseAttendeeCode(t)
		if !ok || ev != eventID {
			continue
		}
		a, found, err := s.repo.GetAttendee(eventID, mem)
		if err != nil {
			return nil, err
		}
		if !found {
			continue
		}
		m, err := s.repo.GetMember(mem)
		if err != nil {
			return nil, err
		}
		cands = append(cands, AttendeeCandidate{Member: m, Attendee: a, Registered: true})
	}
	return s.rows(e, cands)
}
