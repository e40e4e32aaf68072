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

type entry struct {
	key     string
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

// Claim claims key for ttl (0: DefaultTTL) and reports whether it was the first.
func (m *Memory) Claim(_ context.Context, key string, ttl time.Duration) (bool, error) {
	ttl, err := Check(key, ttl)
	if err != nil {
		return false, err
	}
	now := m.now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.byKey[key]; ok {
		m.lru.MoveToFront(el)
		e := el.Value.(*entry)
		if e.expires.After(now) {
			return false, nil
		}
		e.expires = now.Add(ttl)
		return true, nil
	}
	m.byKey[key] = m.lru.PushFront(&entry{key: key, expires: now.Add(ttl)})
	for m.lru.Len() > m.maxKeys {
		oldest := m.lru.Back()
		m.lru.Remove(oldest)
		delete(m.byKey, oldest.Value.(*entry).key)
	}
	return true, nil
}

// Release forgets the claim on key.
func (m *Memory) Release(_ context.Context, key string) error {
	if key == "" {
		return ErrEmptyKey
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.byKey[key]; ok {
		m.lru.Remove(el)
		delete(m.byKey, key)
	}
	return nil
}

// Len is the number of claims held, expired ones included until they are evicted.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lru.Len()
}
