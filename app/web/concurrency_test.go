package web

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"acedesk/app"
)

// doorWorker is one writer at the door: the desktop window calling the
// service directly, or a paired phone over HTTP.
type doorWorker struct {
	name string
	// attendees reads the event's rows; toggle checks one in (or undoes
	// it) from the version it read, and reports success or the error code.
	attendees func() []app.AttendeeRow
	toggle    func(r app.AttendeeRow) (ok bool, code app.Code)
}

func desktopWorker(t *testing.T, th *testHub, eventID uint64) doorWorker {
	ev := th.svc.Attendees
	return doorWorker{
		name: "desktop",
		attendees: func() []app.AttendeeRow {
			rows, err := ev.Attendees(eventID)
			if err != nil {
				t.Error(err)
			}
			return rows
		},
		toggle: func(r app.AttendeeRow) (bool, app.Code) {
			var err error
			if r.CheckedIn {
				_, err = ev.UndoCheckIn(eventID, r.MemberID, r.Version, "主机")
			} else {
				_, err = ev.CheckIn(eventID, r.MemberID, r.Version, "主机")
			}
			return err == nil, app.ErrorCode(err)
		},
	}
}

func lanWorker(t *testing.T, c *client, eventID uint64) doorWorker {
	return doorWorker{
		name: "lan",
		attendees: func() []app.AttendeeRow {
			status, body := c.call("service.AttendeeService.Attendees", eventID)
			var rows []app.AttendeeRow
			if err := json.Unmarshal(body, &rows); err != nil || status != 200 {
				t.Errorf("attendees over HTTP: %d %s", status, body)
			}
			return rows
		},
		toggle: func(r app.AttendeeRow) (bool, app.Code) {
			method := "service.AttendeeService.CheckIn"
			if r.CheckedIn {
				method = "service.AttendeeService.UndoCheckIn"
			}
			status, body := c.call(method, eventID, r.MemberID, r.Version, "")
			if status == 200 {
				return true, ""
			}
			var e app.Error
			json.Unmarshal(body, &e)
			return false, e.Code
		},
	}
}

func TestDesktopAndLANWritesConflictAndNeverLoseAnUpdate(t *testing.T) {
	th := newTestHub(t, true)
	event, err := th.svc.Events.Save(app.Event{Name: "今日", Kind: app.EventCityMeetup, Date: "2026-03-14", City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	const people = 8
	for i := range people {
		m, err := th.svc.Members.Create(app.Member{Name: fmt.Sprintf("来宾%d", i), Phone: fmt.Sprintf("1390000%04d", i)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := th.svc.Attendees.Register(event.ID, m.ID); err != nil {
			t.Fatal(err)
		}
	}
	workers := []doorWorker{desktopWorker(t, th, event.ID), desktopWorker(t, th, event.ID)}
	for i := range 4 {
		workers = append(workers, lanWorker(t, th.paired(t, app.RoleDesk, fmt.Sprintf("门口 %d", i)), event.ID))
	}

	// Round 1: every worker checks everyone in from the same version 1, so
	// exactly one wins each person and every other gets a conflict,
	// whatever the scheduling.
	start := workers[0].attendees()
	var mu sync.Mutex
	wins := map[uint64]int{}
	conflicts := 0
	var wg sync.WaitGroup
	for _, w := range workers {
		wg.Go(func() {
			for _, r := range start {
				ok, code := w.toggle(r)
				mu.Lock()
				switch {
				case ok:
					wins[r.MemberID]++
				case code == app.CodeConflict:
					conflicts++
				default:
					t.Errorf("%s: check-in failed with %q", w.name, code)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, r := range start {
		if wins[r.MemberID] != 1 {
			t.Errorf("%s was checked in %d times, want exactly once", r.Name, wins[r.MemberID])
		}
	}
	if want := people * (len(workers) - 1); conflicts != want {
		t.Errorf("conflicts = %d, want %d (every loser of every race)", conflicts, want)
	}

	// Round 2: each worker toggles each person from what it last read, a
	// few times over. Every success bumps the version by one, so the final
	// version counts every accepted write: none may be lost.
	accepted := map[uint64]int{}
	for _, w := range workers {
		wg.Go(func() {
			for range 3 {
				for _, r := range w.attendees() {
					if ok, code := w.toggle(r); ok {
						mu.Lock()
						accepted[r.MemberID]++
						mu.Unlock()
					} else if code != app.CodeConflict {
						t.Errorf("%s: toggle failed with %q", w.name, code)
					}
				}
			}
		})
	}
	wg.Wait()
	final, err := th.svc.Attendees.Attendees(event.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range final {
		// Registration is version 1, round 1's check-in version 2.
		if want := 2 + accepted[r.MemberID]; r.Version != want {
			t.Errorf("%s: version %d, want %d (2 + %d accepted toggles): an update was lost", r.Name, r.Version, want, accepted[r.MemberID])
		}
		if wantIn := accepted[r.MemberID]%2 == 0; r.CheckedIn != wantIn {
			t.Errorf("%s: checked in %v after %d toggles, want %v", r.Name, r.CheckedIn, accepted[r.MemberID], wantIn)
		}
	}
}
