package org.kehou.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.aopalliance.intercept.MethodInterceptor;
import org.kehou.catalog.CatalogManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.Notifications;
import org.kehou.platform.Photos;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Operations services as they run at a fixed time in Asia/Shanghai, for tests of days long past. */
final class FixedClocks {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private FixedClocks() {}

    static Clock at(LocalDateTime time) {
        return Clock.fixed(time.atZone(SHANGHAI).toInstant(), SHANGHAI);
    }

    /** The not-yet-picked-up check as it runs at that time, 15 minutes after a service's end. */
    static PickupAlerts alerts(
            LocalDateTime time,
            OrganizationQueries organization,
            PickupSchedule schedule,
            PickupManagement pickup,
            Notifications notifications,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        return new PickupAlerts(
                organization, schedule, pickup, notifications, jdbc, transactions, at(time), Duration.ofMinutes(15));
    }

    /** The patrols as on that day, each call in a transaction of its own as the application's bean would be. */
    static Patrols patrols(
            LocalDateTime time,
            PatrolRepository repository,
            OrganizationQueries organization,
            CatalogManagement catalog,
            Photos photos,
            PickupSchedule schedule,
            AuditTrail audit,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        return transactional(
                new Patrols(repository, organization, catalog, photos, schedule, audit, jdbc, at(time)), transactions);
    }

    /** The incidents as on that day, each call in a transaction of its own. */
    static Incidents incidents(
            LocalDateTime time,
            IncidentRepository repository,
            OrganizationQueries organization,
            Notifications notifications,
            AuditTrail audit,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        return transactional(
                new Incidents(repository, organization, notifications, audit, jdbc, at(time)), transactions);
    }

    /** The target with each public call in a transaction of its own, as the application's bean would be. */
    @SuppressWarnings("unchecked")
    static <T> T transactional(T target, PlatformTransactionManager transactions) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvice((MethodInterceptor) invocation -> new TransactionTemplate(transactions).execute(status -> {
            try {
                return invocation.proceed();
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }));
        return (T) factory.getProxy();
    }
}
