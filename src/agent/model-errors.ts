/**
 * What a surface says when a turn fails: a code for the audit row and a reply a person can act on.
 * Codes: RATE_LIMITED, MODEL_TIMEOUT, MODEL_UNAVAILABLE, MODEL_ERROR (an HTTP error), AGENT_ERROR.
 */
export interface ModelFailure {
  code: string;
  message: string;
  reply: string;
}

export function describeModelError(err: unknown): ModelFailure {
  const e = err as { status?: number; name?: string; message?: string; code?: string };
  const message = String(e?.message ?? err).slice(0, 500);
  if (e?.status === 429) {
    return {
      code: 'RATE_LIMITED',
      message,
      reply:
        'The model is rate-limited right now and did not answer after retrying. Nothing more was done in this turn; try again in a minute.',
    };
  }
  if (/timed? ?out|timeout|ETIMEDOUT|abort/i.test(`${e?.name} ${message} ${e?.code}`)) {
    return {
      code: 'MODEL_TIMEOUT',
      message,
      reply: 'The model did not answer in time. Nothing more was done in this turn; try again, or check the model server.',
    };
  }
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|Connection error/i.test(`${message} ${e?.code}`)) {
    return {
      code: 'MODEL_UNAVAILABLE',
      message,
      reply:
        'The model server cannot be reached. Nothing more was done in this turn; check OPENAI_BASE_URL and that the server is running.',
    };
  }
  return {
    code: 'MODEL_ERROR',
    message,
    reply: `The model failed (${message.slice(0, 200)}). Nothing more was done in this turn; try again.`,
  };
}
