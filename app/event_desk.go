package app

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
