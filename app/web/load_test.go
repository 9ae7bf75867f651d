//go:build loadtest && unix

package web

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"acedesk/app"
	"acedesk/app/apptest/wired"
	"acedesk/app/service"
	"acedesk/store"
)

// The load test of issue 6: paired desks checking people in and searching
// over real HTTP on loopback, against a 10,000-member database. Run it with
// `make loadtest` (DURATION=10s CLIENTS=5 for a short run). It stops by
// itself: at the deadline, or when the clients have made -load.max requests.
var (
	loadDuration   = flag.Duration("load.duration", 60*time.Second, "how long the clients run")
	loadClients    = flag.Int("load.clients", 50, "concurrent paired desk clients")
	loadMembers    = flag.Int("load.members", 10000, "members in the database")
	loadRegistered = flag.Int("load.registered", 1000, "members registered for the event beforehand")
	loadMax        = flag.Int("load.max", 2_000_000, "stop after this many requests in all")
	// A volunteer reads the screen between requests; 0 sends them back to
	// back, which measures the hub saturated rather than a door's wait.
	loadThink = flag.Duration("load.think", 0, "mean pause of each client between requests (uniformly 0 to twice this)")
)

// loadClient is one phone at the door.
type loadClient struct {
	http   *http.Client
	base   string
	cookie string
	csrf   string
}

func (c *loadClient) call(name string, args ...any) (int, []byte, time.Duration, error) {
	body, _ := json.Marshal(args)
	req, _ := http.NewRequest("POST", c.base+"/api/call/"+name, bytes.NewReader(body))
	req.Host = lanHost
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(CSRFHeader, c.csrf)
	req.AddCookie(&http.Cookie{Name: SessionCookie, Value: c.cookie})
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, time.Since(start), err
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp.StatusCode, out, time.Since(start), err
}

// loadTally is what one client saw.
type loadTally struct {
	search, checkIn []time.Duration
	checkedIn       []uint64 // members this client checked in successfully
	conflicts       int
	errors          []string
}

func TestLoad(t *testing.T) {
	setup := time.Now()
	st, err := store.Open(filepath.Join(t.TempDir(), "acedesk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := service.New(st, app.SystemClock{}, "lead", wired.Ports())
	if _, err := svc.System.LoadDemo(*loadMembers); err != nil {
		t.Fatal(err)
	}
	// The desks may only work on today's event.
	event, err := svc.Events.Save(app.Event{Name: "压力测试", Kind: app.EventCityMeetup, Date: time.Now().Format(app.DateLayout), City: "杭州"})
	if err != nil {
		t.Fatal(err)
	}
	var roster []app.Member
	for len(roster) < *loadMembers {
		page, err := svc.Members.Search(app.MemberQuery{Offset: len(roster), Limit: 50})
		if err != nil || len(page.Items) == 0 {
			t.Fatalf("roster after %d members: %v", len(roster), err)
		}
		roster = append(roster, page.Items...)
	}
	for _, m := range roster[:*loadRegistered] {
		if _, err := svc.Attendees.Register(event.ID, m.ID); err != nil {
			t.Fatal(err)
		}
	}
	var logs bytes.Buffer
	hub := NewHub(Config{Services: svc, Repo: st, Clock: app.SystemClock{}, Codes: wired.Ports().Codes, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		Assets: fstest.MapFS{"index.html": {Data: []byte("x")}}})
	hub.lanOn.Store(true)
	srv := httptest.NewServer(hub.Handler())
	defer srv.Close()

	clients := make([]*loadClient, *loadClients)
	for i := range clients {
		pc, err := hub.Lan.NewPairingCode(app.RoleDesk)
		if err != nil {
			t.Fatal(err)
		}
		c := &loadClient{http: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2}, Timeout: 30 * time.Second}, base: srv.URL}
		body, _ := json.Marshal(pairRequest{Code: pc.Code, Device: fmt.Sprintf("门口 %d", i+1)})
		req, _ := http.NewRequest("POST", srv.URL+"/api/pair", bytes.NewReader(body))
		req.Host = lanHost
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.http.Do(req)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("pair client %d: %v %v", i, resp, err)
		}
		var info SessionInfo
		json.NewDecoder(resp.Body).Decode(&info)
		resp.Body.Close()
		c.cookie, c.csrf = resp.Cookies()[0].Value, info.CSRF
		clients[i] = c
	}
	t.Logf("setup: %d members, %d registered, %d paired desks in %v", len(roster), *loadRegistered, len(clients), time.Since(setup).Round(time.Millisecond))

	cpuBefore := cpuTime()
	deadline := time.Now().Add(*loadDuration)
	var requests sync.WaitGroup
	var budgetMu sync.Mutex
	budget := *loadMax
	take := func() bool {
		budgetMu.Lock()
		defer budgetMu.Unlock()
		budget--
		return budget >= 0 && time.Now().Before(deadline)
	}
	tallies := make([]*loadTally, len(clients))
	for i, c := range clients {
		tally := &loadTally{}
		tallies[i] = tally
		r := rand.New(rand.NewPCG(uint64(i), 6))
		requests.Go(func() {
			for take() {
				// Pauses vary, as people do: equal pauses would keep all the
				// clients in step, sending their requests in one burst.
				time.Sleep(time.Duration(r.Float64() * 2 * float64(*loadThink)))
				m := roster[r.IntN(len(roster))]
				// Half the volunteers type the name, half the phone.
				text := m.Name
				if r.IntN(2) == 0 {
					text = m.Phone
				}
				status, body, d, err := c.call("service.AttendeeService.CheckInSearch", event.ID, text)
				tally.search = append(tally.search, d)
				var rows []app.AttendeeRow
				if err == nil && status == 200 {
					err = json.Unmarshal(body, &rows)
				}
				if err != nil || status != 200 {
					tally.errors = append(tally.errors, fmt.Sprintf("search: %d %v %s", status, err, body))
					continue
				}
				i := slices.IndexFunc(rows, func(a app.AttendeeRow) bool { return a.MemberID == m.ID })
				if i < 0 || rows[i].CheckedIn || !take() {
					continue // a common name beyond the first screen, or already in
				}
				status, body, d, err = c.call("service.AttendeeService.CheckIn", event.ID, m.ID, rows[i].Version, "")
				tally.checkIn = append(tally.checkIn, d)
				switch {
				case err == nil && status == 200:
					tally.checkedIn = append(tally.checkedIn, m.ID)
				case err == nil && status == http.StatusConflict:
					tally.conflicts++ // another desk checked them in first
				default:
					tally.errors = append(tally.errors, fmt.Sprintf("check-in: %d %v %s", status, err, body))
				}
			}
		})
	}
	requests.Wait()
	elapsed := *loadDuration
	cpu := cpuTime() - cpuBefore

	var search, checkIn, all []time.Duration
	var errs []string
	conflicts := 0
	seen := map[uint64]int{}
	for _, tl := range tallies {
		search, checkIn = append(search, tl.search...), append(checkIn, tl.checkIn...)
		errs = append(errs, tl.errors...)
		conflicts += tl.conflicts
		for _, id := range tl.checkedIn {
			seen[id]++
		}
	}
	all = append(append(all, search...), checkIn...)
	rows, err := svc.Attendees.Attendees(event.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, r := range rows {
		if r.CheckedIn {
			stored++
			if seen[r.MemberID] != 1 {
				t.Errorf("member %d is checked in but %d clients saw their check-in succeed", r.MemberID, seen[r.MemberID])
			}
		}
	}
	report := fmt.Sprintf("load: %d clients (think %v) for %v: %d requests (%.0f/s), %d errors, %d conflicts\n"+
		"  all       %s\n  search    %s\n  check-in  %s\n"+
		"  check-ins: %d succeeded as seen by the clients, %d stored (attendees %d)\n"+
		"  CPU (server and clients in one process): %v, %v a request",
		len(clients), *loadThink, elapsed, len(all), float64(len(all))/elapsed.Seconds(), len(errs), conflicts,
		percentiles(all), percentiles(search), percentiles(checkIn), len(seen), stored, len(rows),
		cpu.Round(time.Millisecond), (cpu / time.Duration(max(1, len(all)))).Round(10*time.Microsecond))
	fmt.Println(report)
	t.Log(report)
	for i, e := range errs {
		if i == 5 {
			break
		}
		t.Errorf("error: %s", e)
	}
	if len(errs) > 0 || stored != len(seen) {
		t.Errorf("%d errors; %d check-ins stored, %d seen by clients", len(errs), stored, len(seen))
	}
	if logs.Len() > 0 {
		t.Errorf("the server logged: %s", logs.String())
	}
}

func percentiles(d []time.Duration) string {
	if len(d) == 0 {
		return "n=0"
	}
	slices.Sort(d)
	at := func(p float64) time.Duration {
		return d[min(len(d)-1, int(p*float64(len(d))))].Round(10 * time.Microsecond)
	}
	return fmt.Sprintf("n=%-7d p50 %-9v p95 %-9v p99 %-9v max %v", len(d), at(0.50), at(0.95), at(0.99), d[len(d)-1].Round(10*time.Microsecond))
}

// cpuTime is the user and system time this process has used: on a busy
// machine it says what the requests cost, where latencies say only how
// long they waited.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
