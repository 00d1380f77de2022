'use server';

import { authedAction } from '@/lib/services/authed-action';
import { editOrder } from '@/lib/services/orders';
import type { EditOrderInput } from '@/lib/validation/orders';

const run = authedAction(editOrder);

export async function editOrderAction(input: EditOrderInput) {
  return run(input);
}
