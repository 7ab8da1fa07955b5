/**
 * A stateful stand-in for AWS Budgets: budgets with their tags, notifications
 * and subscribers live in memory, names are unique per account (a second
 * CreateBudget is DuplicateRecordException, as AWS answers), and two failure
 * modes: `crashAfterCommand` (the call takes effect, then the app dies) and
 * `loseAnswerOf` (the call takes effect, the answer is lost, and the SDK's
 * retry sends it again — which then sees what the first one made).
 */
import * as budgets from '@aws-sdk/client-budgets';
import { mockClient } from 'aws-sdk-client-mock';
import { SimulatedCrash } from './ec2-world';

interface Stored {
  budget: budgets.Budget;
  tags: budgets.ResourceTag[];
  notifications: { notification: budgets.Notification; subscribers: budgets.Subscriber[] }[];
}

function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

const sameNotification = (a: budgets.Notification, b: budgets.Notification | undefined) =>
  !!b && a.NotificationType === b.NotificationType && a.ComparisonOperator === b.ComparisonOperator && a.Threshold === b.Threshold && (a.ThresholdType ?? 'PERCENTAGE') === (b.ThresholdType ?? 'PERCENTAGE');

export class BudgetsWorld {
  readonly budgets = new Map<string, Stored>();
  readonly calls: string[] = [];
  /** Commands that answer AccessDeniedException (e.g. a user without budgets:ModifyBudget). */
  readonly denied = new Set<string>();
  private crashOn: string | undefined;
  private crashed = false;
  private loseOn: string | undefined;

  constructor(readonly accountId = '123456789012') {}

  crashAfterCommand(command: string): void {
    this.crashOn = command;
  }

  /** The app starts again: calls reach AWS once more. */
  restart(): void {
    this.crashed = false;
    this.crashOn = undefined;
  }

  loseAnswerOf(command: string): void {
    this.loseOn = command;
  }

  private call<I, O>(name: string, handler: (input: I) => O): (input: I) => Promise<O> {
    return async (input: I) => {
      if (this.crashed) throw new SimulatedCrash(this.calls.length);
      if (this.denied.has(name)) throw awsError('AccessDeniedException', `not authorized to perform budgets:${name}`);
      this.calls.push(name);
      const out = handler(input);
      if (this.crashOn === name) {
        this.crashed = true;
        throw new SimulatedCrash(this.calls.length);
      }
      if (this.loseOn === name) {
        this.loseOn = undefined;
        // The first answer never arrived; the SDK's retry sends the same request again.
        this.calls.push(name);
        return handler(input);
      }
      return out;
    };
  }

  private stored(accountId: string | undefined, name: string | undefined): Stored {
    if (accountId !== this.accountId) throw awsError('AccessDeniedException', 'wrong account');
    const found = this.budgets.get(name ?? '');
    if (!found) throw awsError('NotFoundException', `budget ${name ?? ''} not found`);
    return found;
  }

  attach(client: budgets.BudgetsClient | typeof budgets.BudgetsClient): () => void {
    const m = mockClient(client);
    m.on(budgets.DescribeBudgetCommand).callsFake(this.call('DescribeBudget', (i: budgets.DescribeBudgetCommandInput) => ({ Budget: this.stored(i.AccountId, i.BudgetName).budget })));
    m.on(budgets.CreateBudgetCommand).callsFake(this.call('CreateBudget', (i: budgets.CreateBudgetCommandInput) => {
      const name = i.Budget?.BudgetName ?? '';
      if (this.budgets.has(name)) throw awsError('DuplicateRecordException', `budget ${name} already exists`);
      this.budgets.set(name, {
        budget: { TimeUnit: 'MONTHLY', BudgetType: 'COST', ...i.Budget, BudgetName: name },
        tags: i.ResourceTags ?? [],
        notifications: (i.NotificationsWithSubscribers ?? []).map((n) => ({ notification: n.Notification ?? ({} as budgets.Notification), subscribers: n.Subscribers ?? [] })),
      });
      return {};
    }));
    m.on(budgets.UpdateBudgetCommand).callsFake(this.call('UpdateBudget', (i: budgets.UpdateBudgetCommandInput) => {
      const s = this.stored(i.AccountId, i.NewBudget?.BudgetName);
      s.budget = { ...s.budget, ...i.NewBudget };
      return {};
    }));
    m.on(budgets.DeleteBudgetCommand).callsFake(this.call('DeleteBudget', (i: budgets.DeleteBudgetCommandInput) => {
      this.stored(i.AccountId, i.BudgetName);
      this.budgets.delete(i.BudgetName ?? '');
      return {};
    }));
    m.on(budgets.DescribeNotificationsForBudgetCommand).callsFake(this.call('DescribeNotificationsForBudget', (i: budgets.DescribeNotificationsForBudgetCommandInput) => ({
      Notifications: this.stored(i.AccountId, i.BudgetName).notifications.map((n) => n.notification),
    })));
    m.on(budgets.DescribeSubscribersForNotificationCommand).callsFake(this.call('DescribeSubscribersForNotification', (i: budgets.DescribeSubscribersForNotificationCommandInput) => {
      const n = this.stored(i.AccountId, i.BudgetName).notifications.find((x) => sameNotification(x.notification, i.Notification));
      if (!n) throw awsError('NotFoundException', 'notification not found');
      return { Subscribers: n.subscribers };
    }));
    m.on(budgets.CreateNotificationCommand).callsFake(this.call('CreateNotification', (i: budgets.CreateNotificationCommandInput) => {
      const s = this.stored(i.AccountId, i.BudgetName);
      if (s.notifications.some((x) => sameNotification(x.notification, i.Notification))) throw awsError('DuplicateRecordException', 'notification exists');
      s.notifications.push({ notification: i.Notification ?? ({} as budgets.Notification), subscribers: i.Subscribers ?? [] });
      return {};
    }));
    m.on(budgets.CreateSubscriberCommand).callsFake(this.call('CreateSubscriber', (i: budgets.CreateSubscriberCommandInput) => {
      const n = this.stored(i.AccountId, i.BudgetName).notifications.find((x) => sameNotification(x.notification, i.Notification));
      if (!n) throw awsError('NotFoundException', 'notification not found');
      if (n.subscribers.some((x) => x.Address === i.Subscriber?.Address)) throw awsError('DuplicateRecordException', 'subscriber exists');
      if (i.Subscriber) n.subscribers.push(i.Subscriber);
      return {};
    }));
    m.on(budgets.ListTagsForResourceCommand).callsFake(this.call('ListTagsForResource', (i: budgets.ListTagsForResourceCommandInput) => {
      const match = /^arn:aws:budgets::(\d{12}):budget\/(.+)$/.exec(i.ResourceARN ?? '');
      return { ResourceTags: this.stored(match?.[1], match?.[2]).tags };
    }));
    return () => m.restore();
  }
}
