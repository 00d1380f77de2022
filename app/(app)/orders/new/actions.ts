'use server';

import { authedAction } from '@/lib/services/authed-action';
import { createOrder } from '@/lib/services/orders';
import type { CreateOrderInput } from '@/lib/validation/orders';

const run = authedAction(createOrder);

export async function createOrderAction(input: CreateOrderInput) {
  return run(input);
}
