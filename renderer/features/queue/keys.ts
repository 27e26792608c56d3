// The queue's keys at a counter: F1 call next, F2 recall, F3 no-show, F4 transfer, F5 start / finish, F6 park.
export const QUEUE_KEYS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];
