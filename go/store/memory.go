package store

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// Memory keeps claims in this process: a bounded LRU in which every claim also has a
// lifetime. Past MaxKeys claims the least recently used one is forgotten, so a very
// old delivery could be processed twice rather than the process running out of memory.
// Safe for concurrent use.
type Memory struct {
	maxKeys int
	now     func() time.Time

	mu    sync.Mutex
	lru   *list.List // of *entry, most recently used at the front
	byKey map[string]*list.Element
}

// entry is a claim: a processing lease while token is set, done while it is "",
// either until expires.
type entry struct {
	key     string
	token   string
	expires time.Time
}

// NewMemory returns a Memory store of at most maxKeys claims (100,000 if maxKeys <= 0).
func NewMemory(maxKeys int) *Memory {
	if maxKeys <= 0 {
		maxKeys = 100_000
	}
	return &Memory{maxKeys: maxKeys, now: time.Now, lru: list.New(), byKey: map[string]*list.Element{}}
}

// WithClock makes the store read the time from now (tests); it returns the store.
func (m *Memory) WithClock(now func() time.Time) *Memory {
	m.now = now
	return m
}

// Claim takes a processing lease on key for lease (0: DefaultLease).
func (m *Memory) Claim(_ context.Context, key string, lease time.Duration) (Claim, error) {
	lease, err := CheckClaim(key, lease)
	if err != nil {
		return Claim{}, err
	}
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	token := NewToken()
	if el, ok := m.byKey[key]; ok {
		m.lru.MoveToFront(el)
		e := el.Value.(*entry)
		switch {
		case !e.expires.After(now):
			e.token, e.expires = token, now.Add(lease)
			return Claim{Outcome: First, Token: token}, nil
		case e.token != "":
			return Claim{Outcome: Processing, LeaseLeft: e.expires.Sub(now)}, nil
		default:
			return Claim{Outcome: Done}, nil
		}
	}
	m.byKey[key] = m.lru.PushFront(&entry{key: key, token: token, expires: now.Add(lease)})
	for m.lru.Len() > m.maxKeys {
		oldest := m.lru.Back()
		m.lru.Remove(oldest)
		delete(m.byKey, oldest.Value.(*entry).key)
	}
	return Claim{Outcome: First, Token: token}, nil
}

// Complete marks key done for ttl (0: DefaultTTL), if token still owns it.
func (m *Memory) Complete(_ context.Context, key, token string, ttl time.Duration) error {
	ttl, err := CheckComplete(key, token, ttl)
	if err != nil {
		return err
	}
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if e := m.owned(key, token); e != nil {
		e.token, e.expires = "", now.Add(ttl)
	}
	return nil
}

// Release deletes the claim on key, if token still owns it.
func (m *Memory) Release(_ context.Context, key, token string) error {
	if err := CheckRelease(key, token); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.owned(key, token) != nil {
		m.lru.Remove(m.byKey[key])
		delete(m.byKey, key)
	}
	return nil
}

// owned is the entry of key if token holds it; m.mu is held.
func (m *Memory) owned(key, token string) *entry {
	if el, ok := m.byKey[key]; ok {
		if e := el.Value.(*entry); e.token == token {
			return e
		}
	}
	return nil
}

// Len is the number of claims held, expired ones included until they are evicted.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lru.Len()
}
